import { configureVaultRequestSchema, type Controller } from '@vault-secrets/shared';
import { listControllers } from '../../controllers/controllers-repository';
import { configureVault } from '../../vault/configure-vault';
import { existingConfiguration } from '../../vault/existing-configuration';
import { unconfiguredNames } from '../../vault/integration-status';
import { localVaultConfigPath } from '../../vault/local-config';
import { UsageError } from '../args';
import type { ConfigureArgs } from './args';
import { askYesNo, canAsk } from './confirm';
import { openController, type ControllerAccess } from './controller-access';
import { printResult } from '../terminal';

/** The command line's names for the request's fields, so errors point at what was typed. */
const ARGUMENT_NAMES: Record<string, string> = {
  url: 'URL',
  roleId: 'ROLE_ID',
  wrappedToken: 'WRAPPED_TOKEN',
  secretsPath: 'SECRETS_PATH',
  secretsMount: '--secrets-mount',
};

function checkInput(args: ConfigureArgs) {
  const { url, roleId, wrappedToken, secretsPath, secretsMount } = args;
  const parsed = configureVaultRequestSchema.safeParse({
    url,
    roleId,
    wrappedToken,
    secretsPath,
    secretsMount,
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  throw new UsageError(
    `${ARGUMENT_NAMES[field] ?? field}: ${issue?.message ?? 'invalid'}`,
  );
}

/** True to go ahead; throws when an existing configuration may not be replaced. */
async function confirmOverwrite(access: ControllerAccess, args: ConfigureArgs) {
  const { identity, dir, db } = access;
  const existing = await existingConfiguration(db, { ...identity, dir });
  if (!existing.configured || args.yes) return existing.configured;
  const since = existing.since ? ` since ${existing.since}` : '';
  if (!canAsk()) {
    throw new Error(
      `Controller ${identity.name} is already configured with Vault${since}; ` +
        'pass --yes to replace its configuration (there is no terminal to ask).',
    );
  }
  const question = `Controller ${identity.name} is already configured with Vault${since}. Replace its configuration?`;
  if (!(await askYesNo(question, process.stdin, process.stderr))) {
    throw new Error('Not replaced: the existing configuration is unchanged.');
  }
  return true;
}

function nextSteps(controllers: Controller[]): string {
  const missing = unconfiguredNames(controllers);
  const total = controllers.length;
  if (missing.length === 0) {
    return `All ${total} controllers are configured. Next: move the secrets into Vault with config-vault migrate.`;
  }
  return (
    `${total - missing.length} of ${total} controllers configured. Next: configure ` +
    `${missing.join(', ')} (config-vault configure on each, with its own wrapped ` +
    'token, or from the web UI), then run config-vault migrate.'
  );
}

export async function runConfigure(args: ConfigureArgs): Promise<void> {
  const input = checkInput(args);
  const access = await openController(args.controllerDir);
  try {
    const { identity, dir, db, log } = access;
    const overwrite = await confirmOverwrite(access, args);
    const result = await configureVault(
      { db, log, controller: { ...identity, dir } },
      { ...input, overwrite },
    );
    // The controller process logs in with its own session; this one is done.
    await result.session.close();

    const { url, secretsMount, secretsPath } = result.config;
    printResult(
      `Vault configured on controller ${identity.name}: ${url}, secrets at ${secretsMount}/${secretsPath}.`,
    );
    printResult(
      `Wrote ${localVaultConfigPath(dir)} (mode 0600); the wrapped token was used up and is not stored.`,
    );
    printResult(
      `A running ${identity.name} picks the configuration up within seconds, without a restart.`,
    );
    printResult(nextSteps(await listControllers(db)));
  } finally {
    await access.close();
  }
}
