import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { errorBodySchema } from '@vault-secrets/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startAnsweringServer,
  startUntrustedHttpsServer,
  type RunningServer,
} from '../src/vault/test-support/other-servers';
import type { HttpClient } from './support/http-client';
import { configureRequest } from './vault-support/provisioning';
import { startVaultTestbed, type VaultTestbed } from './vault-support/testbed';
import {
  startVaultController,
  type VaultTestController,
} from './vault-support/vault-controller';

let testbed: VaultTestbed;
let region1: VaultTestController;
let admin: HttpClient;
const servers: RunningServer[] = [];

beforeAll(async () => {
  testbed = await startVaultTestbed();
  region1 = await startVaultController(testbed.databaseUrl, 'region-1');
  admin = await region1.admin();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await testbed.close();
});

async function configure(body: Record<string, unknown>) {
  const result = await admin.post(
    `/api/v1/controllers/${region1.controllerId}/vault`,
    body,
  );
  return {
    status: result.status,
    error: errorBodySchema.safeParse(result.body).data?.error,
  };
}

/** The local file and the database's mark: what a failed configure must not touch. */
async function configuredState() {
  const file = await readFile(path.join(region1.dir, 'vault.json'), 'utf8').catch(
    () => null,
  );
  const rows = await testbed.db.query<{ at: Date | null }>(
    'SELECT vault_configured_at AS at FROM controllers WHERE id = $1',
    [region1.controllerId],
  );
  return { file, configuredAt: rows.rows[0]?.at ?? null };
}

describe('a Vault URL that leads somewhere other than a trusted Vault', () => {
  const cases: Array<[string, () => Promise<RunningServer>, string, RegExp]> = [
    [
      'an HTTPS server whose certificate is not trusted',
      startUntrustedHttpsServer,
      'VAULT_TLS_FAILED',
      /certificate/i,
    ],
    [
      'a server answering JSON of another shape',
      () => startAnsweringServer({ data: { unexpected: true } }),
      'VAULT_BAD_RESPONSE',
      /shape|expected/i,
    ],
    [
      'a web page',
      () => startAnsweringServer('<!doctype html><title>router login</title>'),
      'VAULT_BAD_RESPONSE',
      /URL/,
    ],
  ];

  it.each(cases)('%s: 502 %s naming the URL, nothing changed', async (...args) => {
    const [, start, code, wording] = args;
    const server = await start();
    servers.push(server);
    const request = await configureRequest(testbed.vault, testbed.role, {
      url: server.url,
    });

    const result = await configure(request);

    expect(result.status).toBe(502);
    expect(result.error?.code).toBe(code);
    expect(result.error?.message).toContain(server.url);
    expect(result.error?.message).toMatch(wording);
    expect(await configuredState()).toEqual({ file: null, configuredAt: null });
  });
});

describe('where the secret_id lives', () => {
  it('only in the controller directory: no table holds it or the wrapping token', async () => {
    const request = await configureRequest(testbed.vault, testbed.role);
    expect((await configure(request)).status).toBe(200);
    const saved = JSON.parse((await configuredState()).file ?? '{}') as {
      secretId?: string;
    };
    expect(saved.secretId).toMatch(/\S{8,}/);

    const tables = await testbed.db.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(tables.rows.map((row) => row.name)).toContain('controllers');
    for (const { name } of tables.rows) {
      const dump = await testbed.db.query<{ row: string }>(
        `SELECT t::text AS row FROM "${name}" t`,
      );
      const text = dump.rows.map((row) => row.row).join('\n');
      expect(text, name).not.toContain(saved.secretId);
      expect(text, name).not.toContain(request.wrappedToken);
    }
  });
});
