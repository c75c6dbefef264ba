import { ConfigError, loadConfig } from './config/env';
import { startController } from './controller';
import { createLogger } from './logging/logger';

const bootLog = createLogger({ level: process.env.LOG_LEVEL?.trim() || 'info' });

async function main() {
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel });
  const controller = await startController({ config, log });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'region controller stopping');
    await controller.close();
    log.info('region controller stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    bootLog.fatal({ problems: error.problems }, 'invalid configuration');
  } else {
    bootLog.fatal({ err: error }, 'region controller failed to start');
  }
  process.exitCode = 1;
});
