import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DevClusterInfo } from '@vault-secrets/bff/dev-cluster';

/** Every secret the cluster handed out or holds on disk, by a name safe to print. */
async function knownSecrets(cluster: DevClusterInfo): Promise<Map<string, string>> {
  const secrets = new Map<string, string>([
    ['admin password', cluster.admin.password],
    ['Vault root token', cluster.vault.rootToken],
  ]);
  cluster.vault.unsealKeys.forEach((key, i) => secrets.set(`unseal key ${i + 1}`, key));
  cluster.vault.wrappedSecretIds.forEach((token, i) =>
    secrets.set(`wrapped secret_id ${i + 1}`, token),
  );
  for (const controller of cluster.controllers) {
    const file = await readFile(join(controller.dir, 'vault.json'), 'utf8').catch(
      () => null,
    );
    const secretId = file ? (JSON.parse(file) as { secretId?: unknown }).secretId : null;
    if (typeof secretId === 'string') {
      secrets.set(`secret_id of ${controller.name}`, secretId);
    }
  }
  return secrets;
}

/**
 * Which secrets appear in the cluster's log files or in `extraText` (what the
 * cluster printed): names only, never the values. Empty when none leaked.
 */
export async function leakedIntoLogs(
  cluster: DevClusterInfo,
  logDir: string,
  extraText: string,
): Promise<string[]> {
  const texts = [extraText];
  for (const name of await readdir(logDir)) {
    texts.push(await readFile(join(logDir, name), 'utf8'));
  }
  const everything = texts.join('\n');
  const leaks: string[] = [];
  for (const [name, value] of await knownSecrets(cluster)) {
    if (value.length >= 8 && everything.includes(value)) leaks.push(name);
  }
  return leaks;
}
