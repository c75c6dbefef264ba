import {
  configureVaultRequestSchema,
  type ConfigureVaultInput,
  type Controller,
} from '@vault-secrets/shared';
import {
  findController,
  markVaultConfigured,
} from '../controllers/controllers-repository';
import type { Queryable } from '../db/pool';
import { AppError } from '../http/app-error';
import { parseInput } from '../http/validate';
import type { Logger } from '../logging/logger';
import { isVaultError, unwrapSecretId, verifyAccess, VaultSession } from './adapter';
import type { LocalVaultConfig } from './local-config';
import { saveConfiguration } from './save-configuration';
import { existingConfiguration } from './existing-configuration';
import { vaultFailureToAppError } from './vault-http-error';

export interface ConfigureVaultDeps {
  db: Queryable;
  log: Logger;
  controller: { id: string; name: string; dir: string };
  /** Bound on each Vault call (the adapter's default otherwise). */
  vaultTimeoutMs?: number;
}

export interface ConfiguredVault {
  config: LocalVaultConfig;
  /** Logged in and proven; the caller keeps it (a controller) or closes it (the CLI). */
  session: VaultSession;
  controller: Controller;
}

function alreadyConfigured(name: string, since: string | null) {
  return new AppError(
    'ALREADY_CONFIGURED',
    409,
    `Controller ${name} is already configured with Vault` +
      `${since ? ` (since ${since})` : ''}. To replace its configuration, confirm the ` +
      'overwrite: send "overwrite": true (in the UI, tick the confirmation; with ' +
      'config-vault, answer the prompt or pass --yes).',
    { controller: name, configuredAt: since },
  );
}

/** Unwraps, logs in and proves write/read/delete under the secrets path. */
async function proveAccess(input: ConfigureVaultInput, deps: ConfigureVaultDeps) {
  const timeoutMs = deps.vaultTimeoutMs;
  const secretId = await unwrapSecretId(input.url, input.wrappedToken, { timeoutMs });
  const session = new VaultSession({
    url: input.url,
    roleId: input.roleId,
    secretId,
    secretsMount: input.secretsMount,
    secretsPath: input.secretsPath,
    logger: deps.log,
    timeoutMs,
  });
  try {
    await session.login();
    await verifyAccess(session);
  } catch (error) {
    await session.close();
    throw error;
  }
  return { session, secretId };
}

function vaultHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * Configures Vault on this controller, as DESIGN.md's Configure flow says:
 * validate, unwrap, log in, prove access, and only then write `vault.json`
 * and mark the controller configured. A failure leaves both as they were.
 */
export async function configureVault(
  deps: ConfigureVaultDeps,
  rawInput: unknown,
): Promise<ConfiguredVault> {
  const input = parseInput(configureVaultRequestSchema, rawInput);
  const { controller } = deps;
  const fields = {
    controller: controller.name,
    controllerId: controller.id,
    vaultHost: vaultHost(input.url),
    secretsMount: input.secretsMount,
    secretsPath: input.secretsPath,
    overwrite: input.overwrite,
  };
  deps.log.info(fields, 'vault configure attempt');

  try {
    const existing = await existingConfiguration(deps.db, controller);
    if (existing.configured && !input.overwrite) {
      throw alreadyConfigured(controller.name, existing.since);
    }
    const { session, secretId } = await proveAccess(input, deps);
    const config: LocalVaultConfig = {
      url: input.url,
      roleId: input.roleId,
      secretId,
      secretsPath: input.secretsPath,
      secretsMount: input.secretsMount,
      configuredAt: new Date().toISOString(),
    };
    let saved: Controller | null;
    try {
      await saveConfiguration(controller.dir, config, (at) =>
        markVaultConfigured(deps.db, controller.id, at),
      );
      saved = await findController(deps.db, controller.id);
    } catch (error) {
      await session.close();
      throw error;
    }
    if (!saved) throw new Error('The controller row vanished after it was configured.');
    deps.log.info(
      { ...fields, outcome: 'succeeded', configuredAt: config.configuredAt },
      'vault configure succeeded',
    );
    return { config, session, controller: saved };
  } catch (error) {
    const failure = vaultFailureToAppError(error);
    const code = failure instanceof AppError ? failure.code : 'INTERNAL';
    const errorKind = isVaultError(error) ? error.kind : undefined;
    deps.log.warn(
      { ...fields, outcome: 'failed', code, errorKind },
      'vault configure failed',
    );
    throw failure;
  }
}
