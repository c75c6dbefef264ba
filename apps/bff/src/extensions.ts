import type { ControllerExtension } from './controller-extension';
import { createVaultExtension } from './vault/vault-extension';

/**
 * The capabilities every controller started by main.ts (and, by default, by
 * startController) runs with. Add an extension here to switch it on everywhere.
 */
export const defaultExtensions: ControllerExtension[] = [createVaultExtension()];
