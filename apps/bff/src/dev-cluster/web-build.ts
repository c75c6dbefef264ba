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

/** Builds the web app when its build is missing or older than its sources. */
export async function ensureWebBuild(
  repoRoot: string,
  log: (line: string) => void,
): Promise<void> {
  if (!(await webBuildIsStale(repoRoot))) return;
  log('building the web app (npm run build -w apps/web)…');
  await buildWebApp(repoRoot);
}
