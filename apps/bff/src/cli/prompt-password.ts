import { createInterface } from 'node:readline/promises';

/** Reads a password from the terminal without echoing it; from stdin when piped. */
export async function promptPassword(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }

  const readline = createInterface({ input, output: process.stderr, terminal: true });
  // Echo nothing while the password is typed.
  // Limitation: readline has no public switch for this; `_writeToOutput` is its
  // internal hook. Should a Node release drop it, the password would echo (it
  // would still never be logged or stored).
  const muted = readline as unknown as { _writeToOutput: (text: string) => void };
  process.stderr.write(question);
  muted._writeToOutput = () => undefined;
  try {
    return await readline.question('');
  } finally {
    readline.close();
    process.stderr.write('\n');
  }
}
