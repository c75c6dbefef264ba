import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { integrationStatusSchema, sealStatusSchema } from '@vault-secrets/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  leakedSecrets,
  vaultApi,
  type AppRoleSetup,
  type DevVault,
} from './vault-support/provisioning';
import {
  startVaultController,
  type VaultTestController,
} from './vault-support/vault-controller';
import { configVaultRunner } from './vault-support/config-vault-cli';
import { startVaultTestbed, type VaultTestbed } from './vault-support/testbed';

let databaseUrl: string;
let db: pg.Pool;
let testbed: VaultTestbed;
let vault: DevVault;
let role: AppRoleSetup;
let region1: VaultTestController;
const secrets: string[] = [];
const outputs: string[] = [];

const { cli, cliOnTerminal } = configVaultRunner(() => region1.dir, outputs);

async function wrapped(): Promise<string> {
  const token = await role.wrappedSecretId();
  secrets.push(token);
  return token;
}

const vaultFile = () => path.join(region1.dir, 'vault.json');

/** When the database says region-1 was configured: a refused configure keeps it. */
async function configuredAt(): Promise<string | null> {
  const row = await db.query<{ at: Date | null }>(
    'SELECT vault_configured_at AS at FROM controllers WHERE id = $1',
    [region1.controllerId],
  );
  return row.rows[0]?.at?.toISOString() ?? null;
}

beforeAll(async () => {
  testbed = await startVaultTestbed();
  ({ databaseUrl, db, vault, role } = testbed);
  region1 = await startVaultController(databaseUrl, 'region-1', {
    heartbeatIntervalMs: 200,
  });
  await startVaultController(databaseUrl, 'region-2');
});

afterAll(() => testbed.close());

describe('config-vault configure', () => {
  it('configures this controller, says what it did and what is next', async () => {
    const token = await wrapped();
    const result = await cli([
      'configure',
      vault.url,
      role.roleId,
      token,
      'maas',
      '--mount',
      'secret',
    ]);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `Vault configured on controller region-1: ${vault.url}`,
    );
    expect(result.stdout).toContain(
      '1 of 2 controllers configured. Next: configure region-2',
    );
    expect(result.stdout).toContain('config-vault migrate');
    expect((await stat(vaultFile())).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await readFile(vaultFile(), 'utf8')) as { secretId: string };
    secrets.push(saved.secretId);
    const row = await db.query(
      'SELECT vault_configured_at FROM controllers WHERE id = $1',
      [region1.controllerId],
    );
    expect(row.rows[0]?.vault_configured_at).toBeInstanceOf(Date);
  });

  it('is picked up by the running controller without a restart', async () => {
    const client = region1.client();
    const deadline = Date.now() + 8_000;
    let seal = sealStatusSchema.parse(
      (await client.get('/api/v1/vault/seal-status')).body,
    );
    while (!seal.reachable && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seal = sealStatusSchema.parse((await client.get('/api/v1/vault/seal-status')).body);
    }
    expect(seal).toMatchObject({ reachable: true, sealed: false });
    expect(region1.logs.text()).toContain('vault configuration loaded');
  });

  it('refuses to replace the configuration without a terminal unless --yes', async () => {
    const before = await readFile(vaultFile(), 'utf8');
    const markedBefore = await configuredAt();
    const token = await wrapped();
    const refused = await cli(['configure', vault.url, role.roleId, token, 'maas']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/already configured with Vault.*pass --yes/);
    expect(await readFile(vaultFile(), 'utf8')).toBe(before);
    expect(await configuredAt()).toBe(markedBefore);

    // The refusal came before Vault: the same wrapped token still works.
    const replaced = await cli([
      'configure',
      vault.url,
      role.roleId,
      token,
      'maas',
      '--yes',
    ]);
    expect(replaced.code).toBe(0);
    const after = await readFile(vaultFile(), 'utf8');
    expect(after).not.toBe(before);
    secrets.push((JSON.parse(after) as { secretId: string }).secretId);
  });

  it('asks on a terminal: "n" keeps the configuration, "y" replaces it', async () => {
    const before = await readFile(vaultFile(), 'utf8');
    const token = await wrapped();
    const args = ['configure', vault.url, role.roleId, token, 'maas'];

    const kept = await cliOnTerminal(args, 'n\n');
    expect(kept.stdout).toMatch(
      /already configured with Vault.*Replace its configuration\? \[y\/N\]/,
    );
    expect(kept.code).toBe(1);
    expect(kept.stdout).toContain(
      'Not replaced: the existing configuration is unchanged.',
    );
    expect(await readFile(vaultFile(), 'utf8')).toBe(before);

    const replaced = await cliOnTerminal(args, 'y\n');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('Vault configured on controller region-1');
    const after = await readFile(vaultFile(), 'utf8');
    expect(after).not.toBe(before);
    secrets.push((JSON.parse(after) as { secretId: string }).secretId);
  });

  it('fails with one line and changes nothing when the wrapped token was already used', async () => {
    const before = await readFile(vaultFile(), 'utf8');
    const markedBefore = await configuredAt();
    expect(markedBefore).not.toBeNull();
    const token = await wrapped();
    await vaultApi(vault.url, token, 'POST', 'sys/wrapping/unwrap');
    const result = await cli([
      'configure',
      vault.url,
      role.roleId,
      token,
      'maas',
      '--yes',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^config-vault: The wrapped token was already used/);
    expect(await readFile(vaultFile(), 'utf8')).toBe(before);
    expect(await configuredAt()).toBe(markedBefore);
  });
});

describe('config-vault status', () => {
  it('prints this controller, every controller, the integration state and the seal', async () => {
    const result = await cli(['status']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('This controller: region-1');
    expect(result.stdout).toContain(
      `Vault configuration: ${vault.url}, mount secret, path maas`,
    );
    expect(result.stdout).toContain(
      'Integration: partially-configured (1 of 2 controllers configured)',
    );
    expect(result.stdout).toMatch(/region-2\s+online\s+not configured/);
    expect(result.stdout).toContain(`Vault (${vault.url}): unsealed.`);
  });

  it('answers --json for scripts, with DATABASE_URL taking precedence', async () => {
    const result = await cli(['status', '--json'], { DATABASE_URL: databaseUrl });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown> & {
      controller: { name: string; vault: Record<string, unknown> };
    };
    expect(report.controller.name).toBe('region-1');
    expect(report.controller.vault).toMatchObject({
      url: vault.url,
      secretsPath: 'maas',
    });
    expect(report.controller.vault).not.toHaveProperty('secretId');
    expect(integrationStatusSchema.parse(report.integration).state).toBe(
      'partially-configured',
    );
    expect(sealStatusSchema.parse(report.seal)).toMatchObject({
      reachable: true,
      sealed: false,
    });
  });
});

describe('usage and secrecy', () => {
  it('fails with exit 2 and one line for bad input, unknown commands, no controller', async () => {
    // Independent runs, started together: each pays Node's and tsx's start-up.
    const [badUrl, unknown, noDir, noDatabase] = await Promise.all([
      cli(['configure', 'ftp://vault', 'role', 'token', 'maas']),
      cli(['migrate']),
      cli(['status'], { CONTROLLER_DIR: '' }),
      cli(['status'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }),
    ]);
    for (const result of [badUrl, unknown, noDir, noDatabase]) {
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^config-vault: /);
    }
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain(
      'URL: The Vault URL must start with http:// or https://.',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "migrate"; use configure or status/);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toMatch(/set CONTROLLER_DIR or pass --controller-dir/);
    expect(noDatabase.code).toBe(1);
  });

  it('never prints a wrapped token or a secret id', () => {
    expect(secrets.length).toBeGreaterThan(4);
    expect(leakedSecrets(outputs.join('\n') + region1.logs.text(), secrets)).toEqual([]);
  });
});
