import type { ControllerExtension } from './controller-extension';

/**
 * The capabilities every controller started by main.ts (and, by default, by
 * startController) runs with. Add an extension here to switch it on everywhere.
 */
export const defaultExtensions: ControllerExtension[] = [];
