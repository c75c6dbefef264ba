import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { startVaultDevServer } from './server/start';

const USAGE = `Usage: vault-dev server [--dev] [--listen HOST:PORT] [--data DIR]
                        [--dev-root-token-id ID] [--latency MS] [--log-level LEVEL]`;

function fail(message: string): never {
  console.error(`vault-dev: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseListen(value: string): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(value);
  if (!match?.[1] || !match[2]) fail(`--listen must be HOST:PORT, got "${value}"`);
  const port = Number(match[2]);
  if (port > 65535) fail(`--listen port must be 0-65535, got ${port}`);
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'server')
    fail(command ? `unknown command "${command}"` : 'missing command');
  const { values } = parseArgs({
    args: rest,
    options: {
      dev: { type: 'boolean', default: false },
      listen: { type: 'string', default: '127.0.0.1:8200' },
      data: { type: 'string' },
      'dev-root-token-id': { type: 'string' },
      latency: { type: 'string', default: '0' },
      'log-level': { type: 'string', default: 'info' },
    },
  });
  const latencyMs = Number(values.latency);
  if (!Number.isFinite(latencyMs) || latencyMs < 0)
    fail('--latency must be milliseconds >= 0');
  if (values['dev-root-token-id'] && !values.dev) fail('--dev-root-token-id needs --dev');
  const { host, port } = parseListen(values.listen);
  const logger = pino({ level: values['log-level'] }, pino.destination(2));
  const server = await startVaultDevServer({
    dev: values.dev,
    host,
    port,
    dataDir: values.data,
    devRootTokenId: values['dev-root-token-id'],
    latencyMs,
    logger,
  });
  printBanner(server.url, server.unsealKeys, server.rootToken);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function printBanner(url: string, unsealKeys?: string[], rootToken?: string): void {
  console.log(`==> Vault dev server (vault-dev) started at ${url}`);
  console.log(`Api Address: ${url}`);
  if (unsealKeys && rootToken) {
    console.log(`\nYou may need to set the following environment variables:\n`);
    console.log(`    $ export VAULT_ADDR='${url}'\n`);
    console.log(`Unseal Key: ${unsealKeys[0]}`);
    console.log(`Root Token: ${rootToken}\n`);
    console.log('Development mode should NOT be used in production installations!');
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`vault-dev: ${(error as Error).message}`);
  process.exit(1);
});
