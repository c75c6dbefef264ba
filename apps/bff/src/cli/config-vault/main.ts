import { AppError } from '../../http/app-error';
import { UsageError } from '../args';
import { parseConfigVaultArgs, USAGE } from './args';
import { printProblem, printResult } from '../terminal';

async function run(argv: string[]): Promise<void> {
  const args = parseConfigVaultArgs(argv);
  // Commands load the database and Vault clients only when they run, so a
  // usage error answers at once.
  if (args.command === 'help') printResult(USAGE);
  else if (args.command === 'configure') {
    await (await import('./configure-command')).runConfigure(args);
  } else await (await import('./status-command')).runStatus(args);
}

/** Every failure is one line on stderr: what went wrong and what to do. */
function reasonOf(error: unknown): string {
  if (error instanceof AppError) {
    const fields = error.details?.fields;
    if (fields && typeof fields === 'object') {
      const [field, problem] = Object.entries(fields)[0] ?? [];
      if (field) return `${field}: ${String(problem)}`;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? 'failed';
}

run(process.argv.slice(2)).catch((error: unknown) => {
  printProblem(`config-vault: ${reasonOf(error)}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
