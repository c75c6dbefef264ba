import type { SealStatus } from '@vault-secrets/shared';
import { unsealRequestSchema } from '@vault-secrets/shared';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { ProgressBar } from '../../components/ProgressBar';
import { TextField } from '../../components/TextField';
import type { ApiError } from '../../lib/api-error';
import { useUnseal } from './api';

const [unsealKeySchema] = unsealRequestSchema.options;

/** Enter key shares one at a time; Vault unseals once `t` of them are in. */
export function UnsealForm({
  status,
  primary = true,
}: {
  status: SealStatus;
  /** False when the page's main action is another one (logging in). */
  primary?: boolean;
}) {
  const unseal = useUnseal();
  const [problem, setProblem] = useState<string | null>(null);
  const keyRef = useRef<HTMLInputElement>(null);

  // Back to the (cleared) field, where the error is, for the next attempt.
  useEffect(() => {
    if (problem !== null) keyRef.current?.focus();
  }, [problem]);

  // Errors are kept here, so the mutation (holding the key share) can forget at once.
  const settled = {
    onError: (error: ApiError) => setProblem(error.message),
    onSettled: () => unseal.reset(),
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const field = form.elements.namedItem('key');
    if (!(field instanceof HTMLInputElement)) return;
    const parsed = unsealKeySchema.safeParse({ key: field.value });
    // The share lives in the field until this line and in one request after it.
    field.value = '';
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Enter an unseal key share.');
      return;
    }
    setProblem(null);
    unseal.mutate(parsed.data, settled);
  }

  function reset() {
    setProblem(null);
    unseal.mutate({ reset: true }, settled);
  }

  return (
    <form className="unseal-form" onSubmit={submit} noValidate>
      <p id="unseal-progress" aria-live="polite">
        Key shares entered: <strong>{status.progress}</strong> of{' '}
        <strong>{status.t}</strong> needed
        {status.n > 0 && ` (${status.n} shares exist)`}.
      </p>
      <ProgressBar label="Unseal progress" value={status.progress} max={status.t} />
      <TextField
        label="Unseal key share"
        name="key"
        type="password"
        autoComplete="off"
        spellCheck={false}
        ref={keyRef}
        // Sealed, the share is the page's only input: it takes the login field's focus.
        autoFocus={primary}
        error={problem ?? undefined}
        help="Each key holder enters their own share. It is passed to Vault and not kept."
      />
      <button
        type="submit"
        className={primary ? 'p-button--positive' : 'p-button'}
        disabled={unseal.isPending}
      >
        Submit key share
      </button>
      <button
        type="button"
        className="p-button"
        onClick={reset}
        disabled={unseal.isPending || status.progress === 0}
      >
        Reset
      </button>
    </form>
  );
}
