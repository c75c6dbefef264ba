import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevCluster } from '@vault-secrets/bff/dev-cluster';
import { CLUSTER_FILE_ENV } from './cluster-info';
import { leakedIntoLogs } from './log-secrecy';

/**
 * Starts one real cluster for every test: embedded PostgreSQL, the Vault
 * development server and three controllers on free ports, in a fresh directory.
 * Playwright calls the returned function once the tests are done.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vault-secrets-e2e-'));
  // Run as root, PostgreSQL runs as `postgres`, which must reach its directory inside.
  await chmod(dataDir, 0o755);

  const started = Date.now();
  const printed: string[] = [];
  const cluster = await startDevCluster({
    dataDir,
    controllers: 3,
    basePort: 0,
    vaultPort: 0,
    demoMachines: 3,
    log: (line) => {
      printed.push(line);
      process.stderr.write(`[e2e cluster] ${line}\n`);
    },
  });
  process.stderr.write(
    `[e2e cluster] up in ${((Date.now() - started) / 1000).toFixed(1)}s in ${dataDir}\n`,
  );
  // Workers start after this and inherit the environment.
  process.env[CLUSTER_FILE_ENV] = cluster.clusterFile;

  return async () => {
    let leaks: string[];
    try {
      // Every secret the tests handed to the cluster, looked for in all it logged.
      leaks = await leakedIntoLogs(cluster.info, cluster.logDir, printed.join('\n'));
    } finally {
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
    if (leaks.length > 0)
      throw new Error(`secrets found in the logs: ${leaks.join(', ')}`);
  };
}
