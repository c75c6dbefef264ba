import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Inputs of the web build, relative to the repository root. */
const WEB_SOURCES = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'packages/shared/src',
];

async function newestModification(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;

  const entries = await readdir(path);
  const times = await Promise.all(
    entries.map((entry) => newestModification(join(path, entry))),
  );
  return Math.max(info.mtimeMs, ...times);
}

/** True when `apps/web/dist` is missing or older than any of its sources. */
export async function webBuildIsStale(repoRoot: string): Promise<boolean> {
  const built = await newestModification(join(repoRoot, 'apps/web/dist/index.html'));
  if (built === 0) return true;
  const sources = await Promise.all(
    WEB_SOURCES.map((source) => newestModification(join(repoRoot, source))),
  );
  return Math.max(...sources) > built;
}

/** Runs `npm run build -w apps/web`; its output is shown only when it fails. */
export function buildWebApp(repoRoot: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '-w', 'apps/web'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.once('error', (error) =>
      reject(new Error(`could not run npm to build the web app: ${error.message}`)),
    );
    child.once('exit', (code) => {
      if (code === 0) return resolve();
      const tail = Buffer.concat(output).toString('utf8').trim().split('\n').slice(-20);
      reject(
        new Error(
          `the web app build failed (npm run build -w apps/web exited with ${code}):\n` +
            tail.join('\n'),
        ),
      );
    });
  });
}

/** What Vite 8 says when another build of the same project holds its lock. */
const BUILD_LOCKED = /Found another Vite build process/;
const LOCK_WAIT_MS = 1_000;
const LOCK_ATTEMPTS = 120;

export interface WebBuildSteps {
  isStale(): Promise<boolean>;
  build(): Promise<void>;
  wait(ms: number): Promise<void>;
  log(line: string): void;
}

/**
 * Builds when stale. When another build of the project is running (a second
 * `npm start`, a test run), waits for it: once it has finished, the build is
 * fresh and nothing is left to do, or the lock is free to build again.
 */
export async function buildWhenStale(steps: WebBuildSteps): Promise<void> {
  for (let attempt = 1; await steps.isStale(); attempt += 1) {
    if (attempt === 1) steps.log('building the web app (npm run build -w apps/web)…');
    try {
      await steps.build();
      return;
    } catch (error) {
      const locked = error instanceof Error && BUILD_LOCKED.test(error.message);
      if (!locked || attempt >= LOCK_ATTEMPTS) throw error;
      if (attempt === 1) steps.log('another web build is running; waiting for it…');
      await steps.wait(LOCK_WAIT_MS);
    }
  }
}

/** Builds the web app when its build is missing or older than its sources. */
export function ensureWebBuild(
  repoRoot: string,
  log: (line: string) => void,
): Promise<void> {
  return buildWhenStale({
    isStale: () => webBuildIsStale(repoRoot),
    build: () => buildWebApp(repoRoot),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    log,
  });
}
