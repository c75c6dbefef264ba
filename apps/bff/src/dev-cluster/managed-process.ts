import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { consoleLineFor, lineSplitter } from './controller-log';

export interface ManagedProcessOptions {
  /** Shown before each console line, and in errors. */
  name: string;
  /** A TypeScript entry point, run as `node --import tsx SCRIPT`. */
  script: string;
  cwd: string;
  env: Record<string, string>;
  /** Receives all output; only what needs attention also goes to `log`. */
  logFile: string;
  log: (line: string) => void;
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Settles with how the process ended (e.g. "exited with code 1"). */
  exited: Promise<string>;
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL when it has not ended within the grace period. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;

function pipeOutput(child: ChildProcess, options: ManagedProcessOptions): void {
  const file = createWriteStream(options.logFile, { flags: 'a', mode: 0o600 });
  const toConsole = lineSplitter((line) => {
    const shown = consoleLineFor(options.name, line);
    if (shown) options.log(shown);
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      file.write(chunk);
      toConsole(chunk);
    });
  }
  child.once('exit', () => file.end());
}

/**
 * Runs one part of the cluster as a child process with an IPC channel: the
 * channel closes when this process dies, however it dies, which lets a child
 * that listens for it stop instead of living on as an orphan.
 */
export function startManagedProcess(options: ManagedProcessOptions): ManagedProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', options.script], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  pipeOutput(child, options);

  let ended = false;
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => {
      ended = true;
      resolve(`could not be started: ${error.message}`);
    });
    child.once('exit', (code, signal) => {
      ended = true;
      resolve(signal ? `was stopped by ${signal}` : `exited with code ${code}`);
    });
  });

  async function stop(): Promise<void> {
    if (ended) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  return { name: options.name, child, exited, hasExited: () => ended, stop };
}
