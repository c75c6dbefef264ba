import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '@vault-secrets/shared';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Notification } from '../components/Notification';
import { LoginForm, sessionQueryOptions } from '../features/auth';
import { SealedVault, sealStatusQueryOptions } from '../features/vault';
import { safeNextPath } from './safe-next';
import { usePageTitle } from './use-page-title';

/** /login: the login form, or the sealed-Vault screen while nobody can log in. */
export function LoginPage() {
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useQuery(sessionQueryOptions({ redirectOnUnauthorized: false }));
  const seal = useQuery(sealStatusQueryOptions());

  usePageTitle('Log in');

  if (session.data) return <Navigate to={next} replace />;

  function loggedIn(_user: User) {
    void navigate(next, { replace: true });
  }

  function vaultSealed() {
    void queryClient.invalidateQueries({ queryKey: sealStatusQueryOptions().queryKey });
  }

  const sealed = seal.data?.reachable === true && seal.data.sealed;

  return (
    <main className="login-page" id="main">
      <div className="p-card login-card">
        <h1 className="p-heading--3">Vault secrets</h1>
        <p className="u-text--muted">Region controller administration</p>
        {seal.data?.reachable === false && (
          <Notification severity="information" title="Vault is unreachable">
            This controller cannot reach Vault (or has not been configured with it yet).
            While the secrets are still in the database you can log in; once they are in
            Vault, logging in fails until Vault is reachable again.
          </Notification>
        )}
        {sealed && seal.data ? (
          <SealedVault status={seal.data} />
        ) : (
          <LoginForm onLoggedIn={loggedIn} onVaultSealed={vaultSealed} />
        )}
      </div>
    </main>
  );
}
