export { controllersQueryOptions } from './api';
export { ControllersPage } from './ControllersPage';
