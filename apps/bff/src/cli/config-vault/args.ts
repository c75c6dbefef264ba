import { parseArgs } from 'node:util';
import { DEFAULT_SECRETS_MOUNT } from '@vault-secrets/shared';
import { UsageError } from '../args';

export const USAGE = `Usage:
  config-vault configure URL ROLE_ID WRAPPED_TOKEN SECRETS_PATH [--secrets-mount MOUNT | --mount MOUNT] [--yes] [--controller-dir DIR]
  config-vault status [--json] [--controller-dir DIR]

configure  Configures Vault on this controller with an AppRole role ID and a
           response-wrapped secret ID (a single-use wrapping token). The mount
           defaults to ${DEFAULT_SECRETS_MOUNT}; --yes replaces an existing configuration without asking.
status     This controller's configuration (without secrets), every controller's
           state, the integration state and Vault's seal state; --json for scripts.

The controller is the one whose directory CONTROLLER_DIR (or --controller-dir)
names; DATABASE_URL, when set, overrides the database recorded there.`;

// Limitation: WRAPPED_TOKEN is a positional argument (the command's contract), so
// other local users can see it in the process list while config-vault runs. It is
// single-use and unwrapped within the first second, so a copy seen there has
// already been spent, or is spent by the attacker instead, which configure then
// reports as "already used".
export interface ConfigureArgs {
  command: 'configure';
  url: string;
  roleId: string;
  wrappedToken: string;
  secretsPath: string;
  secretsMount: string;
  yes: boolean;
  controllerDir: string | undefined;
}

export interface StatusArgs {
  command: 'status';
  json: boolean;
  controllerDir: string | undefined;
}

export type ConfigVaultArgs = ConfigureArgs | StatusArgs | { command: 'help' };

const OPTIONS = {
  'secrets-mount': { type: 'string' },
  mount: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  json: { type: 'boolean' },
  'controller-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HINT = 'run config-vault --help for usage';

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: OPTIONS,
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (${HINT}).`);
  }
}

function refuseOptions(command: string, given: Record<string, unknown>, names: string[]) {
  const wrong = names.find((name) => given[name] !== undefined);
  if (wrong) throw new UsageError(`${command} does not take --${wrong} (${HINT}).`);
}

function mountOf(values: { 'secrets-mount'?: string; mount?: string }): string {
  const { 'secrets-mount': long, mount } = values;
  if (long !== undefined && mount !== undefined && long !== mount) {
    throw new UsageError(
      '--secrets-mount and --mount are the same option; give it once.',
    );
  }
  return long ?? mount ?? DEFAULT_SECRETS_MOUNT;
}

/** Reads the command line; throws UsageError with a one-line reason. */
export function parseConfigVaultArgs(argv: string[]): ConfigVaultArgs {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help) return { command: 'help' };
  const controllerDir = values['controller-dir'];

  if (command === 'configure') {
    refuseOptions(command, values, ['json']);
    if (rest.length !== 4) {
      throw new UsageError(
        `configure takes URL ROLE_ID WRAPPED_TOKEN SECRETS_PATH; got ${rest.length} ` +
          `argument${rest.length === 1 ? '' : 's'} (${HINT}).`,
      );
    }
    const [url = '', roleId = '', wrappedToken = '', secretsPath = ''] = rest;
    const secretsMount = mountOf(values);
    return {
      command,
      url,
      roleId,
      wrappedToken,
      secretsPath,
      secretsMount,
      yes: values.yes ?? false,
      controllerDir,
    };
  }
  if (command === 'status') {
    refuseOptions(command, values, ['secrets-mount', 'mount', 'yes']);
    if (rest.length > 0) throw new UsageError(`status takes no arguments (${HINT}).`);
    return { command, json: values.json ?? false, controllerDir };
  }
  if (command === undefined) {
    throw new UsageError(`Give a command: configure or status (${HINT}).`);
  }
  throw new UsageError(
    `Unknown command "${command}"; use configure or status (${HINT}).`,
  );
}
