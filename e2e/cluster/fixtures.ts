import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test as base, expect, type Page } from '@playwright/test';
import type { DevClusterInfo } from '@vault-secrets/bff/dev-cluster';
import { readClusterInfo } from './cluster-info';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

export interface Credentials {
  username: string;
  password: string;
}

/** Creates a user with the `createadmin` command, as an operator would. */
export async function createUser(
  cluster: DevClusterInfo,
  user: Credentials & { role: 'admin' | 'user' },
): Promise<void> {
  const controllerDir = cluster.controllers[0]?.dir;
  if (!controllerDir) throw new Error('the cluster has no controller');
  // The bin script itself: `npx createadmin` needs the bin linked by an install.
  await run(
    process.execPath,
    [
      'apps/bff/bin/createadmin.mjs',
      ...['--username', user.username, '--password', user.password],
      ...['--role', user.role, '--controller-dir', controllerDir],
    ],
    { cwd: REPO_ROOT },
  );
}

/** Runs `config-vault` for one controller, as an operator would on its machine. */
export async function configVault(
  controllerDir: string,
  args: string[],
): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['apps/bff/bin/config-vault.mjs', ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, CONTROLLER_DIR: controllerDir },
    },
  );
  return stdout;
}

export async function logIn(page: Page, user: Credentials): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Logs in and waits until the app shell shows the user as logged in. */
export async function logInAndWait(page: Page, user: Credentials): Promise<void> {
  await logIn(page, user);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
}

export const test = base.extend<{ cluster: DevClusterInfo }>({
  // eslint-disable-next-line no-empty-pattern
  cluster: async ({}, use) => {
    await use(readClusterInfo());
  },
  baseURL: async ({ cluster }, use) => {
    const first = cluster.controllers[0];
    if (!first) throw new Error('the cluster has no controller');
    await use(first.url);
  },
});

export { expect };
