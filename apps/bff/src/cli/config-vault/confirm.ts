import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';

/** Asks a yes/no question; only "y" or "yes" (any case) counts as yes. */
export async function askYesNo(
  question: string,
  input: Readable,
  output: Writable,
): Promise<boolean> {
  const readline = createInterface({ input, output, terminal: false });
  try {
    output.write(`${question} [y/N] `);
    const answer = await new Promise<string>((resolve) => {
      readline.once('line', resolve);
      readline.once('close', () => resolve(''));
    });
    return /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    readline.close();
  }
}

/** Whether a person is there to answer: both the input and the prompt's output are terminals. */
export function canAsk(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY);
}
