import type {
  IntegrationStatus,
  LocalVaultView,
  SealStatus,
} from '@vault-secrets/shared';
import { readSealStatus } from '../../vault/adapter';
import { readIntegrationStatus } from '../../vault/integration-status';
import {
  describeLocalVaultConfig,
  LocalVaultConfigError,
  readLocalVaultConfig,
  type LocalVaultConfig,
  type LocalVaultConfigSummary,
} from '../../vault/local-config';
import { UNREACHABLE_SEAL_STATUS } from '../../vault/seal-status-cache';
import type { StatusArgs } from './args';
import { openController } from './controller-access';
import { formatStatus } from './status-text';
import { printResult } from '../terminal';

export interface StatusReport {
  controller: {
    id: string;
    name: string;
    url: string;
    dir: string;
    /** This controller's Vault configuration, without the secret ID. */
    vault: LocalVaultConfigSummary | null;
    /** Why vault.json cannot be used, when it cannot. */
    problem: string | null;
  };
  integration: IntegrationStatus;
  seal: SealStatus;
}

async function readLocal(dir: string) {
  try {
    return { config: await readLocalVaultConfig(dir), problem: null };
  } catch (error) {
    if (!(error instanceof LocalVaultConfigError)) throw error;
    return { config: null, problem: error.message };
  }
}

async function readSeal(config: LocalVaultConfig | null): Promise<SealStatus> {
  if (!config) return UNREACHABLE_SEAL_STATUS;
  try {
    return { reachable: true, ...(await readSealStatus(config.url)) };
  } catch {
    return UNREACHABLE_SEAL_STATUS;
  }
}

function viewOf(seal: SealStatus): LocalVaultView {
  if (!seal.reachable) return { reachable: false, initialized: null, sealed: null };
  return { reachable: true, initialized: seal.initialized, sealed: seal.sealed };
}

export async function runStatus(args: StatusArgs): Promise<void> {
  const access = await openController(args.controllerDir);
  try {
    const { identity, dir, db } = access;
    const { config, problem } = await readLocal(dir);
    const seal = await readSeal(config);
    const report: StatusReport = {
      controller: {
        id: identity.id,
        name: identity.name,
        url: identity.url,
        dir,
        vault: config ? describeLocalVaultConfig(config) : null,
        problem,
      },
      integration: await readIntegrationStatus(db, viewOf(seal)),
      seal,
    };
    printResult(args.json ? JSON.stringify(report, null, 2) : formatStatus(report));
  } finally {
    await access.close();
  }
}
