// `npm start`: the local demo cluster of DESIGN.md, in the foreground until Ctrl-C.
import { readDevClusterEnv } from './env';
import { startDevCluster, type DevCluster } from './start-dev-cluster';

function say(line: string): void {
  console.log(`[dev-cluster] ${line}`);
}

function printSummary(cluster: DevCluster): void {
  const { controllers, admin, vault } = cluster.info;
  const first = controllers[0]?.url ?? '';
  const lines = [
    '',
    `The demo cluster is up: ${controllers.length} region controllers and Vault.`,
    ...controllers.map((c) => `  ${c.name.padEnd(10)} ${c.url}   (directory ${c.dir})`),
    `  ${'vault'.padEnd(10)} ${vault.addr}   (unsealed; AppRole maas-controller)`,
    '',
    `Open ${first} and log in as "${admin.username}".`,
    cluster.adminPasswordGenerated
      ? `  Password (generated, shown once): ${admin.password}`
      : '  Password: admin.password in the file below.',
    '',
    `Vault keys, role ID and wrapped secret IDs: ${cluster.clusterFile} (mode 0600).`,
    `Logs: ${cluster.logDir}/`,
    `Next: configure Vault on every controller, at ${first}/settings/vault or with`,
    `  CONTROLLER_DIR=<directory> npx config-vault configure ${vault.addr} <vault.roleId> \\`,
    '    <one of vault.wrappedSecretIds> maas',
    '',
    'Press Ctrl-C to stop everything.',
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const settings = readDevClusterEnv(process.env);
  const abort = new AbortController();
  let stopRequested = false;
  let cluster: DevCluster | undefined;

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopRequested) return;
    stopRequested = true;
    say(`${signal} received, stopping…`);
    abort.abort(new Error(`stopped by ${signal}`));
    void cluster?.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  say(`starting in ${settings.dataDir}…`);
  try {
    cluster = await startDevCluster({ ...settings, signal: abort.signal, log: say });
  } catch (error) {
    if (stopRequested) process.exit(0);
    throw error;
  }
  if (stopRequested) {
    await cluster.stop();
    process.exit(0);
  }
  printSummary(cluster);

  const failure = await cluster.failed;
  if (stopRequested) return;
  console.error(`[dev-cluster] ${failure.message}; everything else was stopped.`);
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(`[dev-cluster] could not start: ${(error as Error).message}`);
  process.exit(1);
});
