import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestController, type TestController } from './support/controller';
import { createTestDatabase } from './support/database';
import { errorCode } from './support/http-client';

const CREATEADMIN = fileURLToPath(new URL('../bin/createadmin.mjs', import.meta.url));

let controller: TestController;

beforeAll(async () => {
  controller = await startTestController(await createTestDatabase());
});

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real createadmin bin against the controller's directory only. */
function createadmin(args: string[], stdin = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.CONTROLLER_DIR;
    const child = spawn(
      process.execPath,
      [CREATEADMIN, '--controller-dir', controller.config.controllerDir, ...args],
      { env },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

// Each case spawns the CLI (a tsx start-up); they are independent, so run them together.
describe.concurrent('roles', () => {
  it('createadmin makes a plain user who logs in but gets 403 on admin routes', async () => {
    const made = await createadmin([
      '--username',
      'operator',
      '--password',
      'pw-operator-1',
      '--role',
      'user',
    ]);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toContain('operator');
    expect(made.stdout).not.toContain('pw-operator-1');

    const user = controller.client();
    expect((await user.login('operator', 'pw-operator-1')).status).toBe(200);
    expect((await user.get('/api/v1/controllers')).status).toBe(200);
    const forbidden = await user.get('/api/v1/users');
    expect(forbidden.status).toBe(403);
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
  });

  it('lets an administrator list users', async () => {
    const admin = controller.client();
    await admin.login(ADMIN.username, ADMIN.password);
    const result = await admin.get('/api/v1/users');
    expect(result.status).toBe(200);
    const usernames = (result.body as { users: Array<{ username: string }> }).users.map(
      (u) => u.username,
    );
    expect(usernames).toContain('admin');
    expect(result.text).not.toMatch(/password|scrypt/i);
  });

  it('answers 401, not 403, to anonymous requests for admin routes', async () => {
    const result = await controller.client().get('/api/v1/users');
    expect(result.status).toBe(401);
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
  });

  it('createadmin reads the password from stdin and makes an administrator', async () => {
    const made = await createadmin(['--username', 'second-admin'], 'pw-from-stdin\n');
    expect(made.code).toBe(0);
    const admin = controller.client();
    expect((await admin.login('second-admin', 'pw-from-stdin')).status).toBe(200);
    expect((await admin.get('/api/v1/users')).status).toBe(200);
  });

  it('createadmin refuses an existing username unless --update, which ends its sessions', async () => {
    await createadmin([
      '--username',
      'rotating',
      '--password',
      'first-pw',
      '--role',
      'user',
    ]);
    const user = controller.client();
    await user.login('rotating', 'first-pw');

    const again = await createadmin(['--username', 'rotating', '--password', 'other-pw']);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already exists.*--update/);

    const updated = await createadmin([
      '--username',
      'rotating',
      '--password',
      'new-pw',
      '--update',
    ]);
    expect(updated.code).toBe(0);
    expect((await user.get('/api/v1/auth/session')).status).toBe(401);
    expect((await controller.client().login('rotating', 'new-pw')).status).toBe(200);
  });

  it('createadmin explains bad arguments on stderr and exits 2', async () => {
    const missing = await createadmin(['--password', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--username is required');
    expect(missing.stderr).toContain('Usage: createadmin');
  });
});
