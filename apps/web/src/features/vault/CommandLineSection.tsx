import {
  DEFAULT_SECRETS_MOUNT,
  secretsMountSchema,
  secretsPathSchema,
  vaultUrlSchema,
} from '@vault-secrets/shared';
import type { z } from 'zod';
import { CodeSnippet } from '../../components/CodeSnippet';

export interface CommandDraft {
  url: string;
  secretsPath: string;
  secretsMount: string;
}

/** Quotes a value for a POSIX shell only when it needs it. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value)
    ? value
    : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A value from the form once it is valid, else the placeholder the operator replaces. */
function valueOr(schema: z.ZodType<string>, value: string, placeholder: string): string {
  const parsed = schema.safeParse(value);
  return parsed.success ? shellWord(parsed.data) : placeholder;
}

/** The configure command with the values known here; secrets always stay placeholders. */
export function configureCommand(draft: CommandDraft): string {
  const url = valueOr(vaultUrlSchema, draft.url, '<VAULT_URL>');
  const path = valueOr(secretsPathSchema, draft.secretsPath, '<SECRETS_PATH>');
  const mount = valueOr(secretsMountSchema, draft.secretsMount, DEFAULT_SECRETS_MOUNT);
  return `npx config-vault configure ${url} <ROLE_ID> <WRAPPED_TOKEN> ${path} --secrets-mount ${mount}`;
}

export function CommandLineSection({ draft }: { draft: CommandDraft }) {
  return (
    <section aria-labelledby="command-line-title" className="settings-section">
      <h2 className="p-heading--4" id="command-line-title">
        Command line
      </h2>
      <p>
        The same steps from a shell on each controller, from the repository&apos;s root,
        with <code>CONTROLLER_DIR</code> set to that controller&apos;s directory. Each
        controller needs its own wrapped token.
      </p>
      <CodeSnippet
        title="Configure a controller, from its own shell"
        code={configureCommand(draft)}
      />
      <CodeSnippet title="Check the state" code="npx config-vault status" />
    </section>
  );
}
