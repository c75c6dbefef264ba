import { describe, expect, it } from 'vitest';
import {
  configureVaultRequestSchema,
  relativePathProblem,
  secretsMountSchema,
  vaultUrlSchema,
} from './vault-input';

const firstMessage = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe('secrets path', () => {
  it.each(['maas', 'maas/region-1', 'a.b/c_d-e'])('accepts %s', (path) => {
    expect(relativePathProblem(path)).toBeNull();
  });

  it.each([
    ['', 'must not be empty'],
    ['/maas', 'must not start or end with a slash'],
    ['maas/', 'must not start or end with a slash'],
    ['maas//x', 'must not contain an empty segment (//)'],
    ['maas/../x', 'must not contain . or .. segments'],
    ['./maas', 'must not contain . or .. segments'],
    ['maas/a b', 'may only contain letters, digits, _, . and - between slashes'],
  ])('refuses %j: %s', (path, problem) => {
    expect(relativePathProblem(path)).toBe(problem);
  });
});

describe('Vault URL', () => {
  it('accepts http and https URLs', () => {
    expect(vaultUrlSchema.safeParse('https://vault.example:8200').success).toBe(true);
    expect(vaultUrlSchema.safeParse('http://127.0.0.1:8200').success).toBe(true);
  });

  it.each([
    ['ftp://vault.example', 'The Vault URL must start with http:// or https://.'],
    ['https://user:pw@vault.example', 'The Vault URL must not contain credentials.'],
    ['https://vault.example/?x=1', 'The Vault URL must not have a query or fragment.'],
    ['vault.example', 'The Vault URL is not a valid URL.'],
    [
      'http://vault.\texample',
      'The Vault URL must not contain spaces or control characters.',
    ],
    [
      'http://vault\0.example',
      'The Vault URL must not contain spaces or control characters.',
    ],
  ])('refuses %j', (url, message) => {
    expect(firstMessage(vaultUrlSchema.safeParse(url))).toBe(message);
  });
});

describe('configure request', () => {
  const valid = {
    url: 'https://vault.example:8200',
    roleId: 'role',
    wrappedToken: 'hvs.wrapped',
    secretsPath: 'maas',
  };

  it('defaults the mount to secret and overwrite to false', () => {
    expect(configureVaultRequestSchema.parse(valid)).toMatchObject({
      secretsMount: 'secret',
      overwrite: false,
    });
  });

  it('refuses unknown fields and a mount of more than one segment', () => {
    expect(configureVaultRequestSchema.safeParse({ ...valid, extra: 1 }).success).toBe(
      false,
    );
    expect(secretsMountSchema.safeParse('kv/v2').success).toBe(false);
  });

  it('refuses a token with spaces or an empty role ID', () => {
    const spaced = configureVaultRequestSchema.safeParse({
      ...valid,
      wrappedToken: 'a b',
    });
    expect(firstMessage(spaced)).toBe(
      'The wrapped token must not contain spaces or control characters.',
    );
    const empty = configureVaultRequestSchema.safeParse({ ...valid, roleId: '' });
    expect(firstMessage(empty)).toBe('Enter the role ID.');
  });
});
