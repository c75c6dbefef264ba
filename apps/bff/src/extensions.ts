import type { ControllerExtension } from './controller-extension';
import { createVaultExtension } from './vault/vault-extension';

/**
 * The capabilities every controller started by main.ts (and, by default, by
 * startController) runs with. Add an extension here to switch it on everywhere.
 * A factory, not a list: extensions keep per-controller state, so several
 * controllers in one process (tests) each need their own instances.
 */
export function createDefaultExtensions(): ControllerExtension[] {
  return [createVaultExtension()];
}
