import { describe, expect, it } from 'vitest';
import { checkKvLocation, kvDataPath, kvMetadataPath, SecretPathError } from './kv-paths';

const location = { mount: 'secret', secretsPath: 'maas/region' };

describe('KV v2 paths', () => {
  it('puts data and metadata under the mount and the secrets path', () => {
    expect(kvDataPath(location, 'global/tls')).toBe('secret/data/maas/region/global/tls');
    expect(kvMetadataPath(location, 'global/tls')).toBe(
      'secret/metadata/maas/region/global/tls',
    );
    expect(kvMetadataPath(location, '')).toBe('secret/metadata/maas/region');
  });

  it.each(['', '../x', 'a//b', '/a', 'a/', 'a/./b', 'a b', 'a?b=1'])(
    'refuses the secret path %j',
    (path) => {
      expect(() => kvDataPath(location, path)).toThrow(SecretPathError);
    },
  );

  it('refuses a mount that is not one safe segment and a secrets path with ..', () => {
    expect(() => checkKvLocation({ mount: 'a/b', secretsPath: 'maas' })).toThrow(/mount/);
    expect(() => checkKvLocation({ mount: 'secret', secretsPath: 'maas/..' })).toThrow(
      /secrets path/,
    );
  });
});
