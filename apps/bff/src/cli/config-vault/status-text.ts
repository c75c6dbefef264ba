import type { Controller, SealStatus } from '@vault-secrets/shared';
import type { StatusReport } from './status-command';

function vaultCheckText(controller: Controller): string {
  if (!controller.vaultConfigured) return 'not configured';
  const since = `configured ${controller.vaultConfiguredAt ?? ''}`;
  const check = controller.vault;
  if (!controller.online || !check) return `${since}; no live check`;
  const parts = [
    check.reachable ? 'reachable' : 'unreachable',
    check.sealed === null ? 'seal unknown' : check.sealed ? 'sealed' : 'unsealed',
    check.authenticated ? 'logged in' : 'not logged in',
  ];
  const error = check.error ? ` (${check.error})` : '';
  return `${since}; ${parts.join(', ')}${error}`;
}

function sealText(seal: SealStatus, url: string | undefined): string {
  if (!url) return 'Vault: this controller is not configured with one.';
  if (!seal.reachable) return `Vault (${url}): unreachable.`;
  if (!seal.initialized) return `Vault (${url}): not initialized.`;
  if (!seal.sealed) return `Vault (${url}): unsealed.`;
  return `Vault (${url}): SEALED; ${seal.progress} of ${seal.t} key shares entered (of ${seal.n}).`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) =>
    Math.max(...rows.map((row) => row[i]?.length ?? 0)),
  );
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths?.[i] ?? 0)))
      .join('  '),
  );
}

/** The status for a person at a terminal. */
export function formatStatus(report: StatusReport): string {
  const { controller, integration, seal } = report;
  const vault = controller.vault;
  const configuration = vault
    ? `${vault.url}, mount ${vault.secretsMount}, path ${vault.secretsPath}, ` +
      `role ID ${vault.roleId}, configured ${vault.configuredAt}`
    : (controller.problem ?? 'not configured');
  const rows = [
    ['NAME', 'STATE', 'VAULT'],
    ...integration.controllers.map((c) => [
      c.name,
      c.online ? 'online' : 'offline',
      vaultCheckText(c),
    ]),
  ];
  return [
    `This controller: ${controller.name} (${controller.id}) at ${controller.url}`,
    `  Vault configuration: ${configuration}`,
    `Integration: ${integration.state} (${integration.configuredCount} of ` +
      `${integration.controllerCount} controllers configured)`,
    '',
    ...table(rows),
    '',
    sealText(seal, vault?.url),
  ].join('\n');
}
