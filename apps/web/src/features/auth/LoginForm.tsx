import { loginRequestSchema } from '@vault-secrets/shared';
import type { User } from '@vault-secrets/shared';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { FormProblem } from '../../components/FormProblem';
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
  const problemRef = useRef<HTMLDivElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // The button lost focus while disabled: a failure sends it to the first empty field
  // (the password is cleared after wrong credentials), else to the explanation.
  useEffect(() => {
    if (problem === null) return;
    const inputs = Array.from(formRef.current?.querySelectorAll('input') ?? []);
    const empty = inputs.find((input) => input.value === '');
    if (empty) empty.focus();
    else problemRef.current?.focus();
  }, [problem]);

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
        if (error.code === 'INVALID_CREDENTIALS' && passwordRef.current) {
          passwordRef.current.value = '';
        }
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
    <form className="login-form" onSubmit={submit} noValidate ref={formRef}>
      {problem && (
        <FormProblem title="Login failed" ref={problemRef}>
          {problem}
        </FormProblem>
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
        ref={passwordRef}
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
