// `npm start`: the local demo cluster of DESIGN.md, in the foreground until Ctrl-C.
import { readDevClusterEnv } from './env';
import { summaryLines } from './summary';
import { startDevCluster, type DevCluster } from './start-dev-cluster';

function say(line: string): void {
  console.log(`[dev-cluster] ${line}`);
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
  console.log(summaryLines(cluster).join('\n'));

  const failure = await cluster.failed;
  if (stopRequested) return;
  console.error(`[dev-cluster] ${failure.message}; everything else was stopped.`);
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(`[dev-cluster] could not start: ${(error as Error).message}`);
  process.exit(1);
});
