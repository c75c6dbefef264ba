import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { RequestPipeline } from '../core/pipeline';
import { VaultCore } from '../core/vault-core';
import { createVaultHttpServer } from './http-server';
import { RequestMetrics } from './metrics';

export interface VaultDevServerOptions {
  /** Start initialized and unsealed with one key and KV v2 at secret/. */
  dev?: boolean;
  host?: string;
  /** 0 picks a free port. Default 8200. */
  port?: number;
  /** Persist (encrypted) here; without it, state lives in memory only. */
  dataDir?: string;
  devRootTokenId?: string;
  /** Fixed delay added to every request, to stand in for a networked Vault. */
  latencyMs?: number;
  /** Largest accepted request body; default 32 MiB like Vault's max_request_size. */
  maxRequestBytes?: number;
  logger?: Logger;
}

export interface VaultDevServer {
  /** e.g. http://127.0.0.1:8200 */
  url: string;
  rootToken?: string;
  /** Dev mode: the single unseal key, base64 as Vault prints it. */
  unsealKeys?: string[];
  close(): Promise<void>;
}

const TOKEN_SWEEP_MS = 10_000;

export async function startVaultDevServer(
  options: VaultDevServerOptions = {},
): Promise<VaultDevServer> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const core = new VaultCore(options.dataDir, logger);
  await core.load();
  const dev = options.dev ? await setUpDevMode(core, options.devRootTokenId) : undefined;
  const metrics = new RequestMetrics();
  const pipeline = new RequestPipeline(core, metrics, logger);
  const server = createVaultHttpServer({
    pipeline,
    metrics,
    logger,
    latencyMs: options.latencyMs ?? 0,
    maxBodyBytes: options.maxRequestBytes,
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8200, host, () => resolve());
  });
  const sweep = setInterval(() => {
    if (!core.sealed) core.tokens.sweepExpired();
  }, TOKEN_SWEEP_MS);
  sweep.unref();
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info(
    { url, dev: options.dev ?? false, persistent: Boolean(options.dataDir) },
    'vault-dev listening',
  );
  return {
    url,
    rootToken: dev?.rootToken,
    unsealKeys: dev?.unsealKeys,
    close: async () => {
      clearInterval(sweep);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.sealVault();
    },
  };
}

/**
 * Dev mode: a fresh, unsealed Vault with KV v2 at secret/. With a data directory
 * that already holds an initialized Vault, it only starts (sealed), like a restart.
 */
async function setUpDevMode(core: VaultCore, rootTokenId: string | undefined) {
  if (core.seal.initialized) return undefined;
  const { keys, rootToken, barrierKey } = await core.initialize(1, 1, rootTokenId);
  await core.unsealWith(barrierKey);
  core.mounts.enableSecrets('secret/', 'kv', 'key/value secret storage', {
    version: '2',
  });
  return { rootToken, unsealKeys: keys.map((key) => key.toString('base64')) };
}
