import type { Controller } from '@vault-secrets/shared';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { FormProblem } from '../../components/FormProblem';
import { TextField } from '../../components/TextField';
import { useConfigureVault } from './api';
import type { ConfigureFormErrors, ConfigureFormValues } from './configure-form';
import {
  EMPTY_CONFIGURE_FORM,
  FIELD_ORDER,
  formErrorsFromServer,
  TOKEN_SPENT_MESSAGE,
  validateConfigureForm,
  wrappedTokenSpent,
} from './configure-form';
import { OverwriteConfirmation } from './OverwriteConfirmation';

interface ConfigureVaultFormProps {
  controller: Controller;
  onConfigured: (controller: Controller) => void;
  onCancel: () => void;
  /** The non-secret values, for the command-line equivalent beside the form. */
  onDraftChange: (
    draft: Pick<ConfigureFormValues, 'url' | 'secretsPath' | 'secretsMount'>,
  ) => void;
}

export function ConfigureVaultForm(props: ConfigureVaultFormProps) {
  const { controller, onConfigured, onCancel, onDraftChange } = props;
  const configure = useConfigureVault(controller.id);
  const [values, setValues] = useState<ConfigureFormValues>(EMPTY_CONFIGURE_FORM);
  const [overwrite, setOverwrite] = useState(false);
  const [errors, setErrors] = useState<ConfigureFormErrors>({});
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);

  useEffect(() => headingRef.current?.focus(), [controller.id]);
  // The refusal appears above the fields, out of sight from the button just pressed.
  useEffect(() => {
    if (serverProblem !== null) problemRef.current?.focus();
  }, [serverProblem]);

  function change(field: keyof ConfigureFormValues, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    setErrors((current) => ({ ...current, [field]: undefined }));
    onDraftChange({
      url: next.url,
      secretsPath: next.secretsPath,
      secretsMount: next.secretsMount,
    });
  }

  function focusFirstError(found: ConfigureFormErrors) {
    const first = FIELD_ORDER.find((field) => found[field]);
    const element = first && formRef.current?.elements.namedItem(first);
    if (element instanceof HTMLInputElement) element.focus();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerProblem(null);
    const result = validateConfigureForm(values, overwrite, controller.vaultConfigured);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstError(result.errors);
      return;
    }

    setErrors({});
    configure.mutate(result.input, {
      onSuccess: (data) => {
        setValues(EMPTY_CONFIGURE_FORM);
        onConfigured(data.controller);
      },
      onError: (error) => {
        const fieldErrors = formErrorsFromServer(error.fieldErrors);
        if (Object.keys(fieldErrors).length > 0) {
          setErrors(fieldErrors);
          focusFirstError(fieldErrors);
          return;
        }
        // A retry with the same token would only answer "already used".
        if (wrappedTokenSpent(error.code)) {
          setValues((current) => ({ ...current, wrappedToken: '' }));
          setErrors({ wrappedToken: TOKEN_SPENT_MESSAGE });
        }
        setServerProblem(error.message);
      },
      // Errors are kept above; the mutation lets go of the wrapped token.
      onSettled: () => configure.reset(),
    });
  }

  const title = `Configure Vault on ${controller.name}`;
  return (
    <section
      className="p-card configure-form"
      aria-labelledby="configure-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !configure.isPending) onCancel();
      }}
    >
      <h2 className="p-heading--4" id="configure-title" tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
        {serverProblem && (
          <FormProblem title="Vault was not configured" ref={problemRef}>
            {serverProblem}
          </FormProblem>
        )}
        <TextField
          label="Vault URL"
          name="url"
          type="url"
          value={values.url}
          onChange={(event) => change('url', event.target.value)}
          placeholder="https://vault.example.com:8200"
          error={errors.url}
        />
        <TextField
          label="Role ID"
          name="roleId"
          value={values.roleId}
          onChange={(event) => change('roleId', event.target.value)}
          autoComplete="off"
          spellCheck={false}
          error={errors.roleId}
        />
        <TextField
          label="Wrapped token"
          name="wrappedToken"
          type="password"
          value={values.wrappedToken}
          onChange={(event) => change('wrappedToken', event.target.value)}
          autoComplete="off"
          error={errors.wrappedToken}
          help="A response-wrapped secret_id. It works once; the controller unwraps it and never stores it."
        />
        <TextField
          label="Secrets path"
          name="secretsPath"
          value={values.secretsPath}
          onChange={(event) => change('secretsPath', event.target.value)}
          placeholder="maas/region"
          spellCheck={false}
          error={errors.secretsPath}
        />
        <TextField
          label="Secrets mount"
          name="secretsMount"
          value={values.secretsMount}
          onChange={(event) => change('secretsMount', event.target.value)}
          spellCheck={false}
          error={errors.secretsMount}
          help="The KV version 2 secrets engine's mount."
        />
        {controller.vaultConfigured && (
          <OverwriteConfirmation
            checked={overwrite}
            onChange={(checked) => {
              setOverwrite(checked);
              setErrors((current) => ({ ...current, overwrite: undefined }));
            }}
            error={errors.overwrite}
          />
        )}
        <button
          type="submit"
          className="p-button--positive"
          disabled={configure.isPending}
        >
          {configure.isPending ? 'Configuring…' : 'Configure Vault'}
        </button>
        <button type="button" className="p-button" onClick={onCancel}>
          Cancel
        </button>
      </form>
    </section>
  );
}
