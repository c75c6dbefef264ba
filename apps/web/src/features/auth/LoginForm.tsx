import { loginRequestSchema } from '@vault-secrets/shared';
import type { User } from '@vault-secrets/shared';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { Notification } from '../../components/Notification';
import { TextField } from '../../components/TextField';
import { useLogin } from './api';
import { describeLoginError } from './login-error';

interface LoginFormProps {
  onLoggedIn: (user: User) => void;
  /** Login failed because of Vault: the page checks Vault and shows its state. */
  onVaultTrouble: () => void;
}

export function LoginForm({ onLoggedIn, onVaultTrouble }: LoginFormProps) {
  const login = useLogin();
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginRequestSchema.safeParse({
      username: form.get('username'),
      password: form.get('password'),
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Enter a username and a password.');
      return;
    }

    setProblem(null);
    // The password lives in the form field and this one call, never in React state.
    login.mutate(parsed.data, {
      onSuccess: (data) => onLoggedIn(data.user),
      onError: (error) => {
        setProblem(describeLoginError(error));
        if (error.code === 'VAULT_SEALED' || error.code === 'VAULT_UNREACHABLE') {
          onVaultTrouble();
        }
      },
      // The error is kept above; the mutation lets go of the password.
      onSettled: () => login.reset(),
    });
  }

  return (
    <form className="login-form" onSubmit={submit} noValidate>
      {problem && (
        <div role="alert">
          <Notification severity="negative" title="Login failed">
            {problem}
          </Notification>
        </div>
      )}
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        required
        autoFocus
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <button
        type="submit"
        className="p-button--positive"
        disabled={login.isPending}
        aria-busy={login.isPending}
      >
        {login.isPending ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
