import { randomBytes, randomInt } from 'node:crypto';
import type { Pool } from '../db/pool';
import { withTransaction } from '../db/pool';
import type { Logger } from '../logging/logger';
import { createDatabaseSecretStore } from './database-secret-store';
import { SECRET_PATHS } from './secret-store';

const SYSTEM_ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const POWER_TYPES = ['ipmi', 'redfish'] as const;

/** A MAAS-like system id: six lowercase letters and digits. */
function systemId(): string {
  return Array.from(
    { length: 6 },
    () => SYSTEM_ID_ALPHABET[randomInt(SYSTEM_ID_ALPHABET.length)],
  ).join('');
}

/**
 * Creates `count` demo machines with BMC credentials as secrets, once per
 * cluster. The flag and the rows are written in one transaction under a row
 * lock, so controllers starting together seed exactly once.
 */
export async function seedDemoMachines(pool: Pool, count: number, log: Logger) {
  const seeded = await withTransaction(pool, async (client) => {
    const flags = await client.query<{ demo_seeded_at: Date | null }>(
      'SELECT demo_seeded_at FROM cluster_settings FOR UPDATE',
    );
    if (flags.rows[0]?.demo_seeded_at) return false;

    const secrets = createDatabaseSecretStore(client);
    const ids = new Set<string>();
    while (ids.size < count) ids.add(systemId());
    let index = 0;
    for (const id of ids) {
      index += 1;
      const powerType = POWER_TYPES[index % POWER_TYPES.length] ?? 'ipmi';
      await client.query(
        'INSERT INTO machines (id, hostname, power_type) VALUES ($1, $2, $3)',
        [id, `demo-${String(index).padStart(3, '0')}`, powerType],
      );
      await secrets.put(SECRET_PATHS.powerParameters(id), {
        power_address: `10.20.${Math.floor(index / 250)}.${(index % 250) + 1}`,
        power_user: 'maas',
        power_pass: randomBytes(12).toString('base64url'),
      });
    }
    await client.query('UPDATE cluster_settings SET demo_seeded_at = now()');
    return true;
  });
  if (seeded) log.info({ machines: count }, 'demo machines created');
}
