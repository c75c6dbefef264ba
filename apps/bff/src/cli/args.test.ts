import { describe, expect, it } from 'vitest';
import { parseCreateAdminArgs } from './args';

describe('createadmin arguments', () => {
  it('defaults to an administrator and reads every option', () => {
    expect(parseCreateAdminArgs(['--username', ' ops '])).toEqual({
      username: 'ops',
      password: undefined,
      role: 'admin',
      update: false,
      controllerDir: undefined,
    });
    expect(
      parseCreateAdminArgs([
        '--username=u',
        '--password',
        'p',
        '--role',
        'user',
        '--update',
        '--controller-dir',
        '/srv/r1',
      ]),
    ).toEqual({
      username: 'u',
      password: 'p',
      role: 'user',
      update: true,
      controllerDir: '/srv/r1',
    });
  });

  it('explains each mistake', () => {
    expect(() => parseCreateAdminArgs([])).toThrow('--username is required.');
    expect(() => parseCreateAdminArgs(['--username', 'u', '--role', 'root'])).toThrow(
      '--role must be admin or user.',
    );
    expect(() => parseCreateAdminArgs(['--username', 'u', '--colour'])).toThrow(/colour/);
    expect(() => parseCreateAdminArgs(['--username', 'u', 'extra'])).toThrow(/extra/);
  });
});
