import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/vault-dev.mjs', import.meta.url));

function runCli(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const banner = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (stdout.includes('Development mode')) resolve(stdout);
    });
    child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
  });
  return { child, banner, exited, output: () => ({ stdout, stderr }) };
}

describe('vault-dev command line', () => {
  it('prints Unseal Key and Root Token in --dev mode and serves on the address', async () => {
    const cli = runCli([
      'server',
      '--dev',
      '--listen',
      '127.0.0.1:0',
      '--dev-root-token-id',
      'cli-root',
      '--log-level',
      'warn',
    ]);
    const banner = await cli.banner;
    expect(banner).toMatch(/^Unseal Key: [A-Za-z0-9+/]{43}=$/m);
    expect(banner).toMatch(/^Root Token: cli-root$/m);
    const url = /Api Address: (\S+)/.exec(banner)?.[1];
    const lookup = await fetch(`${url}/v1/auth/token/lookup-self`, {
      headers: { 'X-Vault-Token': 'cli-root' },
    });
    expect(lookup.status).toBe(200);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('exits non-zero with a reason on a bad argument', async () => {
    const cli = runCli(['server', '--listen', 'nowhere']);
    cli.banner.catch(() => undefined);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toContain('--listen must be HOST:PORT');
  });
});
