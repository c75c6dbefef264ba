import type { RouteObject } from 'react-router';
import { Navigate, useOutletContext } from 'react-router';
import { ControllersPage } from '../features/controllers';
import { VaultSettingsPage } from '../features/vault';
import { AppShell } from './AppShell';
import type { ShellContext } from './AppShell';
import { LoginPage } from './LoginPage';
import { NotFoundPage } from './NotFoundPage';
import { HOME_PATH } from './safe-next';
import { usePageTitle } from './use-page-title';

function ControllersRoute() {
  usePageTitle('Controllers');
  return <ControllersPage />;
}

function VaultSettingsRoute() {
  const { user } = useOutletContext<ShellContext>();
  usePageTitle('Vault settings');
  return <VaultSettingsPage isAdmin={user.role === 'admin'} />;
}

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to={HOME_PATH} replace /> },
      { path: 'controllers', element: <ControllersRoute /> },
      { path: 'settings', element: <Navigate to="/settings/vault" replace /> },
      { path: 'settings/vault', element: <VaultSettingsRoute /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
