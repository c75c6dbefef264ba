import { randomUUID } from 'node:crypto';
import { errorBodySchema } from '@vault-secrets/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRpcRequest } from '../src/rpc/rpc-signature';
import { readRpcSharedSecret } from '../src/rpc/shared-secret';
import { createDatabaseSecretStore } from '../src/secrets/database-secret-store';
import type { HttpResult } from './support/http-client';
import { startVaultTestbed, type VaultTestbed } from './vault-support/testbed';
import {
  startVaultController,
  type VaultTestController,
} from './vault-support/vault-controller';

// The route controllers call on each other, signed with global/rpc-shared; what
// the relay sends is in vault-relay.test.ts.

const INTERNAL_PATH = '/internal/v1/vault/configure';
/** The controller the calls claim to come from (signed, so it is trusted). */
const SENDER = randomUUID();

let testbed: VaultTestbed;
let b: VaultTestController;
let rpcSecret: string;

beforeAll(async () => {
  testbed = await startVaultTestbed();
  b = await startVaultController(testbed.databaseUrl, 'region-b');
  const secret = await readRpcSharedSecret(createDatabaseSecretStore(testbed.db));
  if (!secret) throw new Error('the controller did not generate global/rpc-shared');
  rpcSecret = secret;
});

afterAll(() => testbed.close());

const errorOf = (result: HttpResult) => errorBodySchema.parse(result.body).error;

/** A call to B's internal route as another controller (or an impostor) would send it. */
async function callInternal(
  body: string,
  headers: Record<string, string>,
): Promise<HttpResult> {
  const response = await fetch(new URL(INTERNAL_PATH, b.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: JSON.parse(text),
  };
}

function signed(body: string, options: { secret?: string; at?: number } = {}) {
  return signRpcRequest(
    options.secret ?? rpcSecret,
    SENDER,
    { method: 'POST', path: INTERNAL_PATH, body },
    options.at,
  );
}

describe('the internal route', () => {
  const wrongTarget = JSON.stringify({ controllerId: randomUUID(), request: {} });

  it('needs no CSRF token or session, only a valid signature', async () => {
    const result = await callInternal(wrongTarget, signed(wrongTarget));
    // Past authentication: the call reached the check of who it was meant for.
    expect(result.status).toBe(404);
    expect(errorOf(result).code).toBe('CONTROLLER_NOT_FOUND');
  });

  it('refuses an unsigned call with 401 RPC_UNAUTHORIZED', async () => {
    const result = await callInternal(wrongTarget, {});
    expect(result.status).toBe(401);
    expect(errorOf(result).code).toBe('RPC_UNAUTHORIZED');
  });

  it('refuses a call signed with another secret', async () => {
    const result = await callInternal(
      wrongTarget,
      signed(wrongTarget, { secret: 'guess' }),
    );
    expect(result.status).toBe(401);
    expect(errorOf(result).message).toMatch(/signature does not match/);
  });

  it('refuses a call whose body was changed after signing', async () => {
    const headers = signed(wrongTarget);
    const result = await callInternal(
      JSON.stringify({ controllerId: b.controllerId, request: {} }),
      headers,
    );
    expect(result.status).toBe(401);
  });

  it('refuses an expired call', async () => {
    const result = await callInternal(
      wrongTarget,
      signed(wrongTarget, { at: Date.now() - 60_000 }),
    );
    expect(result.status).toBe(401);
    expect(errorOf(result).message).toMatch(/clocks/);
  });

  it('refuses a replayed call', async () => {
    const headers = signed(wrongTarget);
    expect((await callInternal(wrongTarget, headers)).status).toBe(404);
    const replay = await callInternal(wrongTarget, headers);
    expect(replay.status).toBe(401);
    expect(errorOf(replay).message).toMatch(/already received/);
    expect(b.logs.text()).toContain('controller call refused');
  });

  it('validates a signed call like any other, naming the field', async () => {
    const body = JSON.stringify({
      controllerId: b.controllerId,
      request: {
        url: 'file:///etc/passwd',
        roleId: 'r',
        wrappedToken: 't',
        secretsPath: 'maas',
      },
    });
    const result = await callInternal(body, signed(body));
    expect(result.status).toBe(400);
    expect(errorOf(result).details?.fields).toHaveProperty('url');
  });
});
