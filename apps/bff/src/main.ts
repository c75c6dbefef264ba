import { ConfigError, loadConfig } from './config/env';
import { startController } from './controller';
import { createLogger } from './logging/logger';
import { takeOverShutdownSignals } from './process-signals';

// The configured level is not known to be valid until the config is loaded.
const bootLog = createLogger({ level: 'info' });

async function main() {
  let stop: (signal: NodeJS.Signals) => void = () => process.exit(130);
  takeOverShutdownSignals((signal) => stop(signal));

  const config = loadConfig();
  const log = createLogger({ level: config.logLevel });
  const controller = await startController({ config, log });

  let stopping = false;
  stop = (signal) => {
    // A second Ctrl-C means "now": leave without waiting for the clean stop.
    if (stopping) process.exit(130);
    stopping = true;
    log.info({ signal }, 'region controller stopping');
    controller.close().then(
      () => {
        log.info('region controller stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'region controller did not stop cleanly');
        process.exit(1);
      },
    );
  };
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    bootLog.fatal({ problems: error.problems }, 'invalid configuration');
  } else {
    bootLog.fatal({ err: error }, 'region controller failed to start');
  }
  process.exit(1);
});
