import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closedPortUrl,
  startAnsweringServer,
  startSilentServer,
  startUntrustedHttpsServer,
  type RunningServer,
} from '../test-support/other-servers';
import { approleLogin, unwrapSecretId } from './auth';
import { readHealth, readSealStatus } from './health';
import { vaultFailure } from '../test-support/vault-failure';

const WRAPPING_TOKEN = 'hvs.wrapping-token-that-must-not-leak-1234';

describe('an address where nothing listens', () => {
  it('is unreachable, naming the URL and ECONNREFUSED', async () => {
    const url = await closedPortUrl();
    const error = await vaultFailure(unwrapSecretId(url, WRAPPING_TOKEN));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain(`Cannot reach Vault at ${url} (ECONNREFUSED`);
    expect(error.message).not.toContain(WRAPPING_TOKEN);
  });

  it('reads as unreachable health rather than an exception', async () => {
    const url = await closedPortUrl();
    const health = await readHealth(url);
    expect(health).toMatchObject({
      reachable: false,
      sealed: null,
      errorKind: 'unreachable',
    });
    expect(health.error).toContain(url);
  });

  it('is unreachable with a host name that does not resolve', async () => {
    const error = await vaultFailure(readSealStatus('http://vault.invalid:8200'));
    expect(error.kind).toBe('unreachable');
    // Without DNS at all the lookup may time out instead; either way it is unreachable.
    expect(error.details.cause).toMatch(/ENOTFOUND|EAI_AGAIN|timeout/);
    expect(error.message).toContain('http://vault.invalid:8200');
  });
});

describe('a server that never answers', () => {
  let server: RunningServer;
  beforeAll(async () => (server = await startSilentServer()));
  afterAll(() => server.close());

  it('is unreachable with cause timeout once the bound passes', async () => {
    const error = await vaultFailure(
      approleLogin(server.url, 'role', 'secret', { timeoutMs: 300 }),
    );
    expect(error.kind).toBe('unreachable');
    expect(error.details.cause).toBe('timeout');
    expect(error.message).toContain('no answer within 300 ms');
  });
});

describe('a server that answers JSON of another shape', () => {
  let server: RunningServer;
  beforeAll(
    async () => (server = await startAnsweringServer({ hello: 'world', data: 7 })),
  );
  afterAll(() => server.close());

  it('is a bad response to unwrap, login and seal status, never a crash', async () => {
    const unwrap = await vaultFailure(unwrapSecretId(server.url, WRAPPING_TOKEN));
    expect(unwrap.kind).toBe('bad-response');
    expect(unwrap.message).toContain('unexpected shape (at data)');

    const login = await vaultFailure(approleLogin(server.url, 'role', 'secret'));
    expect(login.kind).toBe('bad-response');
    expect((await vaultFailure(readSealStatus(server.url))).kind).toBe('bad-response');
  });

  it('is unreachable health with the reason', async () => {
    const health = await readHealth(server.url);
    expect(health).toMatchObject({ reachable: false, errorKind: 'bad-response' });
  });
});

describe('a web page where Vault should be', () => {
  let server: RunningServer;
  beforeAll(async () => (server = await startAnsweringServer('<html>proxy</html>')));
  afterAll(() => server.close());

  it('is a bad response that suggests checking the URL', async () => {
    const error = await vaultFailure(unwrapSecretId(server.url, WRAPPING_TOKEN));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toContain("Check that the URL points at Vault's API");
  });
});

describe('an HTTPS server with an untrusted certificate', () => {
  let server: RunningServer;
  beforeAll(async () => (server = await startUntrustedHttpsServer()));
  afterAll(() => server.close());

  it('is a TLS failure naming the URL and asking to trust the CA', async () => {
    const error = await vaultFailure(unwrapSecretId(server.url, WRAPPING_TOKEN));
    expect(error.kind).toBe('tls');
    expect(error.details.cause).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(error.message).toContain(server.url);
    expect(error.message).toContain('must trust the CA');
  });
});
