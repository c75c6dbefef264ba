// What a command prints for the person who ran it. Commands speak to a terminal,
// not to the log: results go to standard output, one-line reasons to standard error.

export function printResult(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function printProblem(text: string): void {
  process.stderr.write(`${text}\n`);
}
