import { readFileSync } from 'node:fs';
import {
  devClusterInfoSchema,
  type DevClusterInfo,
} from '@vault-secrets/bff/dev-cluster';

/** Names the cluster's `dev-cluster.json` for the test workers. */
export const CLUSTER_FILE_ENV = 'E2E_DEV_CLUSTER_FILE';

/** The cluster that the global setup started, as its `dev-cluster.json` describes it. */
export function readClusterInfo(): DevClusterInfo {
  const file = process.env[CLUSTER_FILE_ENV];
  if (!file)
    throw new Error(`${CLUSTER_FILE_ENV} is not set: run through playwright test`);
  return devClusterInfoSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
