import {
  CONTROLLER_OFFLINE_AFTER_MS,
  controllerVaultCheckSchema,
  type Controller,
  type ControllerVaultCheck,
} from '@vault-secrets/shared';
import type { Queryable } from '../db/pool';

interface ControllerRow {
  id: string;
  name: string;
  url: string;
  online: boolean;
  last_seen: Date | null;
  vault_configured_at: Date | null;
  vault_check: unknown;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function toController(row: ControllerRow): Controller {
  const check = controllerVaultCheckSchema.safeParse(row.vault_check);
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    online: row.online,
    lastSeen: iso(row.last_seen),
    vaultConfigured: row.vault_configured_at !== null,
    vaultConfiguredAt: iso(row.vault_configured_at),
    vault: check.success ? check.data : null,
  };
}

// `online` is judged by the database clock, so controllers with skewed clocks agree.
const SELECT_CONTROLLERS = `
  SELECT id, name, url, last_seen, vault_configured_at, vault_check,
         (last_seen IS NOT NULL
          AND last_seen > now() - make_interval(secs => $1)
          AND (stopped_at IS NULL OR stopped_at < last_seen)) AS online
    FROM controllers`;

const offlineAfterSeconds = CONTROLLER_OFFLINE_AFTER_MS / 1000;

export async function listControllers(db: Queryable): Promise<Controller[]> {
  const result = await db.query<ControllerRow>(
    `${SELECT_CONTROLLERS} ORDER BY name, id`,
    [offlineAfterSeconds],
  );
  return result.rows.map(toController);
}

export async function findController(
  db: Queryable,
  id: string,
): Promise<Controller | null> {
  const result = await db.query<ControllerRow>(`${SELECT_CONTROLLERS} WHERE id = $2`, [
    offlineAfterSeconds,
    id,
  ]);
  const row = result.rows[0];
  return row ? toController(row) : null;
}

/** Inserts or updates this controller's row and marks it seen now. */
export async function registerController(
  db: Queryable,
  controller: { id: string; name: string; url: string },
): Promise<void> {
  await db.query(
    `INSERT INTO controllers (id, name, url, last_seen) VALUES ($1, $2, $3, now())
     ON CONFLICT (id) DO UPDATE
       SET name = EXCLUDED.name, url = EXCLUDED.url, last_seen = now(), stopped_at = NULL`,
    [controller.id, controller.name, controller.url],
  );
}

/** Records a heartbeat; false when the row is gone (someone deleted this controller). */
export async function recordHeartbeat(db: Queryable, id: string): Promise<boolean> {
  const result = await db.query(
    'UPDATE controllers SET last_seen = now(), stopped_at = NULL WHERE id = $1',
    [id],
  );
  return result.rowCount === 1;
}

/** A clean shutdown: the controller shows offline at once instead of after the timeout. */
export async function markControllerStopped(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE controllers SET stopped_at = now() WHERE id = $1', [id]);
}

export async function markVaultConfigured(
  db: Queryable,
  id: string,
  at: Date,
): Promise<void> {
  await db.query('UPDATE controllers SET vault_configured_at = $2 WHERE id = $1', [
    id,
    at,
  ]);
}

/** Stores the controller's latest own view of Vault (null clears it). */
export async function saveVaultCheck(
  db: Queryable,
  id: string,
  check: ControllerVaultCheck | null,
): Promise<void> {
  const value =
    check === null ? null : JSON.stringify(controllerVaultCheckSchema.parse(check));
  await db.query('UPDATE controllers SET vault_check = $2 WHERE id = $1', [id, value]);
}
