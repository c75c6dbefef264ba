import { describe, expect, it } from 'vitest';
import { resolveAdminPassword } from './admin-password';

describe('resolveAdminPassword', () => {
  it('generates a long random password on a first start without ADMIN_PASSWORD', () => {
    const first = resolveAdminPassword(undefined, undefined);
    const second = resolveAdminPassword(undefined, undefined);
    expect(first.generated).toBe(true);
    expect(first.password.length).toBeGreaterThanOrEqual(20);
    expect(first.password).not.toBe(second.password);
  });

  it('takes ADMIN_PASSWORD on a first start', () => {
    expect(resolveAdminPassword('chosen', undefined)).toEqual({
      password: 'chosen',
      generated: false,
      ignoredFromEnv: false,
    });
  });

  it('keeps the password of the first start on later starts', () => {
    expect(resolveAdminPassword(undefined, 'earlier')).toEqual({
      password: 'earlier',
      generated: false,
      ignoredFromEnv: false,
    });
  });

  it('says when a different ADMIN_PASSWORD is ignored because the admin exists', () => {
    const resolved = resolveAdminPassword('new one', 'earlier');
    expect(resolved.password).toBe('earlier');
    expect(resolved.ignoredFromEnv).toBe(true);
  });
});
