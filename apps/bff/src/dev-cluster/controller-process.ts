import { join } from 'node:path';
import { startManagedProcess, type ManagedProcess } from './managed-process';

export interface ControllerProcessOptions {
  repoRoot: string;
  name: string;
  port: number;
  dir: string;
  logFile: string;
  env: Record<string, string>;
  log: (line: string) => void;
}

export interface ControllerProcess extends ManagedProcess {
  url: string;
  waitUntilHealthy(timeoutMs: number, signal?: AbortSignal): Promise<void>;
}

const HEALTH_POLL_MS = 250;

/** Starts one region controller (`apps/bff/src/main.ts`, through `controller-entry.ts`). */
export function startControllerProcess(
  options: ControllerProcessOptions,
): ControllerProcess {
  const url = `http://127.0.0.1:${options.port}`;
  const managed = startManagedProcess({
    name: options.name,
    script: join(options.repoRoot, 'apps/bff/src/dev-cluster/controller-entry.ts'),
    cwd: options.repoRoot,
    env: {
      ...options.env,
      CONTROLLER_NAME: options.name,
      CONTROLLER_DIR: options.dir,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      CONTROLLER_URL: url,
    },
    logFile: options.logFile,
    log: options.log,
  });

  async function waitUntilHealthy(
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      signal?.throwIfAborted();
      if (managed.hasExited()) {
        const how = await managed.exited;
        throw new Error(
          `${options.name} ${how} before it was up; its log is ${options.logFile}`,
        );
      }
      try {
        const response = await fetch(`${url}/healthz`, {
          signal: AbortSignal.timeout(1000),
        });
        if (response.ok) return;
      } catch {
        // Not listening yet: try again shortly.
      }
      await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
    }
    throw new Error(
      `${options.name} did not answer ${url}/healthz within ${timeoutMs} ms; ` +
        `its log is ${options.logFile}`,
    );
  }

  return { ...managed, url, waitUntilHealthy };
}
