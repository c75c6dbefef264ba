import nodeVault from 'node-vault';
import { describe, expect, it } from 'vitest';
import { classifyVaultFailure, scrubVaultText, type CallContext } from './classify';
import { vaultErrorToHttp } from './errors';

const URL_ = 'https://vault.example.com:8200';
const TOKEN = 'hvs.CAESIJ8s0mEt0kenThatMustNeverLeak';
const SECRET_ID = '7d8c1f3e-secret-id-value-0042';

/** The error node-vault itself rejects with when Vault answers `status`. */
async function vaultRejection(status: number, errors: string[], path: string) {
  const client = nodeVault({ endpoint: URL_ });
  const response = { statusCode: status, body: { errors }, request: { path } };
  return client.handleVaultResponse(response).then(
    () => {
      throw new Error('node-vault resolved a failed answer');
    },
    (error: unknown) => error,
  );
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} with ${TOKEN}`), { code });
}

const ctx = (over: Partial<CallContext> = {}): CallContext => ({
  url: URL_,
  operation: 'kv-write',
  timeoutMs: 5000,
  ...over,
});

describe('classifyVaultFailure', () => {
  it('reads a 400 on unwrap as a used, expired or unknown wrapping token', async () => {
    const raw = await vaultRejection(
      400,
      ['wrapping token is not valid or does not exist'],
      '/v1/sys/wrapping/unwrap',
    );
    const error = classifyVaultFailure(
      raw,
      ctx({ operation: 'unwrap', secrets: [TOKEN] }),
    );
    expect(error.kind).toBe('wrapping-token-invalid');
    expect(error.message).toContain(URL_);
    expect(error.message).toMatch(/already used, has expired/);
  });

  it('reads a 400 on login as a wrong role ID or secret ID', async () => {
    const raw = await vaultRejection(
      400,
      ['invalid role or secret ID'],
      '/v1/auth/approle/login',
    );
    const error = classifyVaultFailure(raw, ctx({ operation: 'login' }));
    expect(error.kind).toBe('invalid-credentials');
    expect(error.message).toMatch(/role ID or the secret ID is wrong/);
  });

  it('names the capability, the path and the grants needed on a 403', async () => {
    const raw = await vaultRejection(
      403,
      ['1 error occurred:\n\t* permission denied\n\n'],
      '/v1/secret/data/maas/x',
    );
    const error = classifyVaultFailure(
      raw,
      ctx({
        path: 'secret/data/maas/.config-check/ab12',
        capability: 'create',
        scope: { mount: 'secret', secretsPath: 'maas' },
      }),
    );
    expect(error.kind).toBe('permission-denied');
    expect(error.message).toContain(
      'denied create on secret/data/maas/.config-check/ab12',
    );
    expect(error.message).toContain('create, read, update, delete on secret/data/maas/*');
    expect(error.message).toContain('list, delete on secret/metadata/maas/*');
    expect(error.details).toMatchObject({ capability: 'create', status: 403 });
  });

  it('reads a 503 as a sealed Vault', async () => {
    const raw = await vaultRejection(503, ['Vault is sealed'], '/v1/secret/data/x');
    const error = classifyVaultFailure(raw, ctx());
    expect(error.kind).toBe('sealed');
    expect(error.message).toBe(
      `Vault at ${URL_} is sealed. Unseal it with its key shares, then try again.`,
    );
  });

  it.each([
    ['ECONNREFUSED', 'connection refused'],
    ['ENOTFOUND', 'host name not found'],
  ])('says the URL and the cause for %s', (code, words) => {
    const error = classifyVaultFailure(networkError(code), ctx());
    expect(error.kind).toBe('unreachable');
    expect(error.details.cause).toBe(code);
    expect(error.message).toContain(`Cannot reach Vault at ${URL_} (${code}: ${words})`);
  });

  it('reports a timeout with the bound that was exceeded', () => {
    const error = classifyVaultFailure(
      networkError('ECONNABORTED'),
      ctx({ timeoutMs: 750 }),
    );
    expect(error.kind).toBe('unreachable');
    expect(error.details.cause).toBe('timeout');
    expect(error.message).toContain('no answer within 750 ms');
  });

  it.each([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
  ])('reads %s as a TLS failure that asks to trust the CA', (code) => {
    const error = classifyVaultFailure(networkError(code), ctx());
    expect(error.kind).toBe('tls');
    expect(error.message).toContain(URL_);
    expect(error.message).toContain('must trust the CA');
  });

  it("reads a 404 as not found and a 500 as unexpected with Vault's scrubbed text", async () => {
    const missing = await vaultRejection(404, [], '/v1/auth/approle/login');
    expect(classifyVaultFailure(missing, ctx({ operation: 'login' })).kind).toBe(
      'not-found',
    );

    const broken = await vaultRejection(
      500,
      [`storage failed for ${SECRET_ID}`],
      '/v1/x',
    );
    const error = classifyVaultFailure(broken, ctx({ secrets: [SECRET_ID] }));
    expect(error.kind).toBe('unexpected');
    expect(error.message).toContain('status 500: storage failed for [redacted]');
  });

  it('maps 400s on unseal to words that never repeat the key', async () => {
    const raw = await vaultRejection(
      400,
      ['Unseal failed, invalid key'],
      '/v1/sys/unseal',
    );
    const error = classifyVaultFailure(
      raw,
      ctx({ operation: 'unseal', secrets: ['abcd'] }),
    );
    expect(error.kind).toBe('unseal-rejected');
    expect(error.message).toMatch(/^That key share is not valid for this Vault/);
  });

  it('strips credentials from the URL it shows', () => {
    const error = classifyVaultFailure(
      networkError('ECONNREFUSED'),
      ctx({ url: 'http://user:pw@127.0.0.1:1/?token=x' }),
    );
    expect(error.details.url).toBe('http://127.0.0.1:1');
    expect(error.message).not.toMatch(/pw|token=x/);
  });

  it('never carries a token or secret_id, whatever the raw error held', async () => {
    const raws = [
      networkError('ECONNREFUSED'),
      networkError('EWEIRD'),
      await vaultRejection(500, [`bad token ${TOKEN} for ${SECRET_ID}`], '/v1/x'),
    ];
    for (const raw of raws) {
      const error = classifyVaultFailure(raw, ctx({ secrets: [TOKEN, SECRET_ID] }));
      const shown = JSON.stringify({
        message: error.message,
        http: vaultErrorToHttp(error),
      });
      expect(shown).not.toContain(TOKEN);
      expect(shown).not.toContain(SECRET_ID);
    }
  });
});

describe('scrubVaultText', () => {
  it('cuts out token-like strings even when nobody listed them', () => {
    expect(scrubVaultText(`token ${TOKEN} expired`)).toBe('token [redacted] expired');
  });
});
