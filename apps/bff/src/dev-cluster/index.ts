export {
  startDevCluster,
  type DevCluster,
  type DevClusterOptions,
} from './start-dev-cluster';
export { devClusterInfoSchema, type DevClusterInfo } from './cluster-file';
export { readDevClusterEnv } from './env';
export { mintSecretId } from './approle';
export { CONTROLLER_ROLE_NAME } from './vault-provision';
