export {
  startVaultDevServer,
  type VaultDevServer,
  type VaultDevServerOptions,
} from './server/start';
export { REQUESTS_METRIC } from './server/metrics';
