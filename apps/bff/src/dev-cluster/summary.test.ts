import { describe, expect, it } from 'vitest';
import type { DevClusterInfo } from './cluster-file';
import { summaryLines } from './summary';

const info: DevClusterInfo = {
  vault: {
    addr: 'http://127.0.0.1:8200',
    rootToken: 'hvs.ROOT-TOKEN-VALUE',
    unsealKeys: ['unseal-key-one', 'unseal-key-two', 'unseal-key-three'],
    roleId: 'role-id-value',
    wrappedSecretIds: ['wrapped-one', 'wrapped-two'],
    secretsPath: 'maas',
    secretsMount: 'secret',
  },
  controllers: [
    { name: 'region-1', url: 'http://127.0.0.1:5240', dir: '/data/controllers/region-1' },
    { name: 'region-2', url: 'http://127.0.0.1:5241', dir: '/data/controllers/region-2' },
  ],
  admin: { username: 'admin', password: 'the-admin-password' },
};

function summary(adminPasswordGenerated: boolean): string {
  return summaryLines({
    info,
    adminPasswordGenerated,
    clusterFile: '/data/dev-cluster.json',
    logDir: '/data/logs',
  }).join('\n');
}

describe('the npm start summary', () => {
  it('says where to go, how to log in and where the rest is', () => {
    const text = summary(false);
    expect(text).toContain('Open http://127.0.0.1:5240 and log in as "admin"');
    expect(text).toContain('region-2   http://127.0.0.1:5241');
    expect(text).toContain('/data/dev-cluster.json (mode 0600)');
    expect(text).toContain('npx config-vault configure http://127.0.0.1:8200');
  });

  it('never shows the root token, unseal keys, role ID or wrapped secret IDs', () => {
    for (const text of [summary(true), summary(false)]) {
      const secrets = [
        info.vault.rootToken,
        info.vault.roleId,
        ...info.vault.unsealKeys,
        ...info.vault.wrappedSecretIds,
      ];
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  it('shows the admin password only when this start generated it', () => {
    expect(summary(true)).toContain('the-admin-password');
    expect(summary(false)).not.toContain('the-admin-password');
  });
});
