import { useQuery } from '@tanstack/react-query';
import type { User } from '@vault-secrets/shared';
import { Outlet, useNavigate } from 'react-router';
import { Loading } from '../components/Loading';
import { QueryErrorNotice } from '../components/QueryErrorNotice';
import { sessionQueryOptions, useLogout } from '../features/auth';
import { IntegrationBanner } from '../features/vault';
import { AppHeader } from './AppHeader';
import { UpdatesPausedNotice } from './UpdatesPausedNotice';

/** Every signed-in page: header, then the admins' integration banner above the page. */
export function AppShell() {
  const session = useQuery(sessionQueryOptions());
  const logout = useLogout();
  const navigate = useNavigate();

  function logOut() {
    logout.mutate(undefined, {
      onSettled: () => void navigate('/login', { replace: true }),
    });
  }

  if (session.isPending) {
    return (
      <main className="app-main" id="main">
        <Loading what="your session" />
      </main>
    );
  }
  if (session.data === undefined) {
    // A 401 has already sent the user to /login; anything else is shown here. A failed
    // refresh of a session already known keeps the page (the header says updates paused).
    return (
      <main className="app-main" id="main">
        <QueryErrorNotice
          what="your session"
          error={session.error}
          onRetry={() => void session.refetch()}
        />
      </main>
    );
  }

  const user = session.data;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader user={user} onLogout={logOut} loggingOut={logout.isPending} />
      <main className="app-main" id="main" tabIndex={-1}>
        <UpdatesPausedNotice />
        <IntegrationBanner isAdmin={user.role === 'admin'} />
        <Outlet context={{ user } satisfies ShellContext} />
      </main>
    </>
  );
}

export interface ShellContext {
  user: User;
}
