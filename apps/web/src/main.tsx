import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App, redirectToLoginOnUnauthorized } from './app/App';
import { routes } from './app/routes';
import { createQueryClient } from './lib/query-client';
import './styles/index.scss';

const router = createBrowserRouter(routes);
const queryClient = createQueryClient();
redirectToLoginOnUnauthorized(router, queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to render into.');

createRoot(root).render(
  <StrictMode>
    <App router={router} queryClient={queryClient} />
  </StrictMode>,
);
