export { sessionQueryKey, sessionQueryOptions, useLogout } from './api';
export { LoginForm } from './LoginForm';
