import { describe, expect, it } from 'vitest';
import { buildWhenStale, type WebBuildSteps } from './web-build';

const lockedError = () =>
  new Error(
    'the web app build failed:\nError: Found another Vite build process (PID 1).',
  );

/** Steps whose staleness and build outcomes are scripted, recording what happened. */
function scripted(stale: boolean[], builds: Array<Error | null>) {
  const happened: string[] = [];
  const steps: WebBuildSteps = {
    isStale: async () => stale.shift() ?? false,
    build: async () => {
      happened.push('build');
      const outcome = builds.shift();
      if (outcome) throw outcome;
    },
    wait: async () => {
      happened.push('wait');
    },
    log: (line) => happened.push(`log: ${line}`),
  };
  return { steps, happened };
}

describe('building the web app for npm start', () => {
  it('does nothing when the build is fresh', async () => {
    const { steps, happened } = scripted([false], []);
    await buildWhenStale(steps);
    expect(happened).toEqual([]);
  });

  it('waits for another build holding the lock, then uses what it built', async () => {
    const { steps, happened } = scripted([true, false], [lockedError()]);
    await buildWhenStale(steps);
    expect(happened).toEqual([
      'log: building the web app (npm run build -w apps/web)…',
      'build',
      'log: another web build is running; waiting for it…',
      'wait',
    ]);
  });

  it('builds again once the lock is free if the build is still stale', async () => {
    const { steps, happened } = scripted([true, true], [lockedError(), null]);
    await buildWhenStale(steps);
    expect(happened.filter((step) => step === 'build')).toHaveLength(2);
  });

  it('fails at once on any other build error', async () => {
    const { steps, happened } = scripted([true], [new Error('TS2345 in App.tsx')]);
    await expect(buildWhenStale(steps)).rejects.toThrow('TS2345');
    expect(happened).not.toContain('wait');
  });
});
