import {
  configureVaultRequestSchema,
  DEFAULT_SECRETS_MOUNT,
} from '@vault-secrets/shared';
import type { ConfigureVaultInput } from '@vault-secrets/shared';

export interface ConfigureFormValues {
  url: string;
  roleId: string;
  wrappedToken: string;
  secretsPath: string;
  secretsMount: string;
}

export type ConfigureFormField = keyof ConfigureFormValues | 'overwrite';
export type ConfigureFormErrors = Partial<Record<ConfigureFormField, string>>;

export const FIELD_ORDER: ConfigureFormField[] = [
  'url',
  'roleId',
  'wrappedToken',
  'secretsPath',
  'secretsMount',
  'overwrite',
];

export const EMPTY_CONFIGURE_FORM: ConfigureFormValues = {
  url: '',
  roleId: '',
  wrappedToken: '',
  secretsPath: '',
  secretsMount: DEFAULT_SECRETS_MOUNT,
};

function isFormField(name: string): name is ConfigureFormField {
  return (FIELD_ORDER as string[]).includes(name);
}

type Validation =
  { ok: true; input: ConfigureVaultInput } | { ok: false; errors: ConfigureFormErrors };

/**
 * Checks the form with the same schema the BFF uses, plus the UI's own rule that
 * replacing an existing configuration takes an explicit yes.
 */
export function validateConfigureForm(
  values: ConfigureFormValues,
  overwrite: boolean,
  alreadyConfigured: boolean,
): Validation {
  const errors: ConfigureFormErrors = {};
  const parsed = configureVaultRequestSchema.safeParse({ ...values, overwrite });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (isFormField(field) && !errors[field]) errors[field] = issue.message;
    }
  }
  if (alreadyConfigured && !overwrite) {
    errors.overwrite =
      'This controller is already configured. Tick the box to replace its configuration.';
  }
  if (parsed.success && Object.keys(errors).length === 0) {
    return { ok: true, input: parsed.data };
  }
  return { ok: false, errors };
}

/** A VALIDATION_FAILED answer's fields, keeping only those this form shows. */
export function formErrorsFromServer(
  fields: Record<string, string>,
): ConfigureFormErrors {
  const errors: ConfigureFormErrors = {};
  for (const [name, message] of Object.entries(fields)) {
    if (isFormField(name)) errors[name] = message;
  }
  return errors;
}

/**
 * Refusals that come after Vault has seen the wrapped token (unwrapped it, or found it
 * used or expired): a retry needs a new one. Unreachable or sealed Vaults never saw it.
 */
const TOKEN_SPENT_CODES: readonly string[] = [
  'VAULT_WRAPPING_TOKEN_INVALID',
  'VAULT_INVALID_CREDENTIALS',
  'VAULT_PERMISSION_DENIED',
];

export const TOKEN_SPENT_MESSAGE =
  'Vault will not accept this token again: paste a new wrapped token.';

export function wrappedTokenSpent(code: string): boolean {
  return TOKEN_SPENT_CODES.includes(code);
}
