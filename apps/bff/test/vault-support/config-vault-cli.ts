import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/config-vault.mjs', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment a run starts from: none of this process's database or log level. */
function cleanEnv(controllerDir: string, extra: Record<string, string> = {}) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.LOG_LEVEL;
  return { ...env, CONTROLLER_DIR: controllerDir, ...extra };
}

function settle(
  outputs: string[],
  resolve: (result: CliResult) => void,
): (error: { code?: unknown } | null, stdout: string, stderr: string) => void {
  return (error, stdout, stderr) => {
    outputs.push(stdout, stderr);
    const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
    resolve({ code, stdout, stderr });
  };
}

/**
 * Runs the real `config-vault` bin for the controller in `controllerDir()`,
 * keeping everything it printed in `outputs` for the secrecy checks.
 */
export function configVaultRunner(controllerDir: () => string, outputs: string[]) {
  return {
    /** In a child process, stdin not a terminal, as a script would. */
    cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
      return new Promise((resolve) => {
        execFile(
          process.execPath,
          [BIN, ...args],
          { env: cleanEnv(controllerDir(), env), timeout: 30_000 },
          settle(outputs, resolve),
        );
      });
    },

    /** On a pseudo-terminal (util-linux `script`), typing `typed` into it. */
    cliOnTerminal(args: string[], typed: string): Promise<CliResult> {
      const quoted = [process.execPath, BIN, ...args].map(
        (a) => `'${a.replace(/'/g, `'\\''`)}'`,
      );
      return new Promise((resolve) => {
        const child = execFile(
          'script',
          ['-qec', quoted.join(' '), '/dev/null'],
          { env: cleanEnv(controllerDir()), timeout: 30_000 },
          settle(outputs, resolve),
        );
        child.stdin?.end(typed);
      });
    },
  };
}
