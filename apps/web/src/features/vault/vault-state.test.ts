import { describe, expect, it } from 'vitest';
import { configuredController, makeController } from '../../test/fixtures';
import { configureCommand } from './CommandLineSection';
import { describeVaultState } from './vault-state';

const checkedAt = new Date().toISOString();

describe('describeVaultState', () => {
  it('names each state a controller can be in', () => {
    const cases = [
      [makeController({ online: false }), 'Unknown (offline)'],
      [makeController(), 'Not configured'],
      [configuredController(), 'Configured — logged in'],
      [configuredController({ vault: null }), 'Configured — not checked yet'],
      [
        configuredController({
          vault: {
            reachable: true,
            sealed: true,
            authenticated: false,
            error: null,
            checkedAt,
          },
        }),
        'Configured — Vault sealed',
      ],
      [
        configuredController({
          vault: {
            reachable: false,
            sealed: null,
            authenticated: false,
            error: 'timeout',
            checkedAt,
          },
        }),
        'Configured — Vault unreachable',
      ],
    ] as const;
    for (const [controller, label] of cases) {
      expect(describeVaultState(controller).label).toBe(label);
    }
  });

  it('carries the controller’s own error when its login fails', () => {
    const state = describeVaultState(
      configuredController({
        vault: {
          reachable: true,
          sealed: false,
          authenticated: false,
          error: 'Vault refused the role ID or secret ID.',
          checkedAt,
        },
      }),
    );
    expect(state).toMatchObject({
      label: 'Configured — login failing',
      tone: 'negative',
      detail: 'Vault refused the role ID or secret ID.',
    });
  });
});

describe('configureCommand', () => {
  it('uses placeholders for what is not known yet', () => {
    expect(configureCommand({ url: '', secretsPath: '', secretsMount: '' })).toBe(
      'npx config-vault configure <VAULT_URL> <ROLE_ID> <WRAPPED_TOKEN> <SECRETS_PATH> --secrets-mount secret',
    );
  });

  it('keeps placeholders for values that are not valid yet', () => {
    expect(
      configureCommand({ url: 'ftp://v', secretsPath: 'a/../b', secretsMount: 'a/b' }),
    ).toBe(
      'npx config-vault configure <VAULT_URL> <ROLE_ID> <WRAPPED_TOKEN> <SECRETS_PATH> --secrets-mount secret',
    );
  });

  it('quotes values a shell would expand', () => {
    expect(
      configureCommand({
        url: 'http://v:8200/$HOME',
        secretsPath: 'maas',
        secretsMount: 'kv',
      }),
    ).toBe(
      `npx config-vault configure 'http://v:8200/$HOME' <ROLE_ID> <WRAPPED_TOKEN> maas --secrets-mount kv`,
    );
  });
});
