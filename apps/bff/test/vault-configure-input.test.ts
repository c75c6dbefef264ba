import { errorBodySchema } from '@vault-secrets/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserIfAbsent } from '../src/auth/users-repository';
import type { HttpClient, HttpResult } from './support/http-client';
import { leakedSecrets } from './vault-support/provisioning';
import { startVaultTestbed, type VaultTestbed } from './vault-support/testbed';
import {
  startVaultController,
  type VaultTestController,
} from './vault-support/vault-controller';

// What the configure route refuses before asking Vault anything: bad fields and
// callers who are not admins. What Vault itself refuses is in vault-configure.test.ts.

let testbed: VaultTestbed;
let region1: VaultTestController;
let admin: HttpClient;
const answers: string[] = [];
const sent: string[] = [];

beforeAll(async () => {
  testbed = await startVaultTestbed();
  region1 = await startVaultController(testbed.databaseUrl, 'region-1');
  admin = await region1.admin();
});

afterAll(() => testbed.close());

async function configure(
  body: Record<string, unknown>,
  client = admin,
): Promise<HttpResult> {
  if (typeof body.wrappedToken === 'string') sent.push(body.wrappedToken);
  const result = await client.post(
    `/api/v1/controllers/${region1.controllerId}/vault`,
    body,
  );
  answers.push(result.text);
  return result;
}

function errorOf(result: HttpResult) {
  return errorBodySchema.parse(result.body).error;
}

describe('bad input', () => {
  const valid = {
    url: 'https://vault.example.com:8200',
    roleId: 'role',
    wrappedToken: 'hvs.not-a-real-token',
    secretsPath: 'maas',
    secretsMount: 'secret',
  };
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a URL that is not http(s)', { url: 'ftp://vault.example.com' }, 'url'],
    ['a URL with credentials', { url: 'https://user:pw@vault.example.com' }, 'url'],
    ['a path with ..', { secretsPath: 'maas/../other' }, 'secretsPath'],
    ['a path with an empty segment', { secretsPath: 'maas//x' }, 'secretsPath'],
    ['a path with surrounding slashes', { secretsPath: '/maas/' }, 'secretsPath'],
    ['a mount of two segments', { secretsMount: 'secret/x' }, 'secretsMount'],
    ['an empty role id', { roleId: '' }, 'roleId'],
    ['an empty wrapped token', { wrappedToken: '  ' }, 'wrappedToken'],
    ['an oversized role id', { roleId: 'r'.repeat(1025) }, 'roleId'],
    ['an oversized secrets path', { secretsPath: 'p'.repeat(513) }, 'secretsPath'],
    ['an unknown field', { token: 'x' }, 'token'],
  ];

  it.each(cases)('answers 400 naming the field for %s', async (_what, change, field) => {
    const result = await configure({ ...valid, ...change });
    expect(result.status).toBe(400);
    expect(errorOf(result).code).toBe('VALIDATION_FAILED');
    expect(Object.keys(errorOf(result).details?.fields as object)).toContain(field);
  });

  it('refuses users who are not admins, and anonymous callers', async () => {
    await createUserIfAbsent(testbed.db, {
      username: 'operator',
      password: 'a long password',
      role: 'user',
    });
    const user = region1.client();
    await user.login('operator', 'a long password');
    const asUser = await configure(valid, user);
    expect(asUser.status).toBe(403);

    const anonymous = region1.client();
    await anonymous.primeCsrf();
    expect((await configure(valid, anonymous)).status).toBe(401);
  });
});

describe('secrecy', () => {
  it('repeats no wrapped token it was sent in an answer or a log line', () => {
    const everything = [...answers, region1.logs.text()].join('\n');
    expect(sent.length).toBeGreaterThan(5);
    expect(leakedSecrets(everything, sent)).toEqual([]);
  });
});
