import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '@vault-secrets/shared';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Notification } from '../components/Notification';
import { LoginForm, sessionQueryOptions } from '../features/auth';
import { SealedVault, sealStatusQueryOptions } from '../features/vault';
import { safeNextPath } from './safe-next';
import { usePageTitle } from './use-page-title';

const VAULT_REASONS: readonly string[] = ['VAULT_SEALED', 'VAULT_UNREACHABLE'];

/** The shell's redirect says why it sent the user here (see App.tsx). */
function isVaultReason(state: unknown): boolean {
  if (typeof state !== 'object' || state === null || !('reason' in state)) return false;
  return typeof state.reason === 'string' && VAULT_REASONS.includes(state.reason);
}

/** /login: the login form, or the sealed-Vault screen while nobody can log in. */
export function LoginPage() {
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [vaultFailedLogin, setVaultFailedLogin] = useState(false);
  // Vault matters for logging in when the session or the login said so; an
  // unconfigured controller reports "unreachable" too, and that is no news then.
  const session = useQuery(sessionQueryOptions({ redirectOnUnauthorized: false }));
  const vaultMatters =
    vaultFailedLogin ||
    isVaultReason(location.state) ||
    session.error?.code === 'VAULT_SEALED';
  const seal = useQuery(sealStatusQueryOptions({ watchUnreachable: vaultMatters }));

  usePageTitle('Log in');

  if (session.data) return <Navigate to={next} replace />;

  function loggedIn(_user: User) {
    void navigate(next, { replace: true });
  }

  function vaultTrouble() {
    setVaultFailedLogin(true);
    void queryClient.invalidateQueries({ queryKey: sealStatusQueryOptions().queryKey });
  }

  const sealed = seal.data?.reachable === true && seal.data.sealed ? seal.data : null;
  const loginBlocked = sealed !== null && vaultMatters;

  return (
    <main className="login-page" id="main">
      <div className="p-card login-card">
        <h1 className="p-heading--3">Vault secrets</h1>
        <p className="u-text--muted">Region controller administration</p>
        {vaultMatters && seal.data?.reachable === false && (
          <Notification severity="negative" title="Vault is unreachable" role="alert">
            This controller cannot reach Vault, which holds the cluster&apos;s secrets, so
            logging in fails until it can. Check that Vault is running and reachable from
            the controller; this page checks again by itself.
          </Notification>
        )}
        {!loginBlocked && (
          <LoginForm onLoggedIn={loggedIn} onVaultTrouble={vaultTrouble} />
        )}
        {sealed && <SealedVault status={sealed} blocksLogin={loginBlocked} />}
      </div>
    </main>
  );
}
