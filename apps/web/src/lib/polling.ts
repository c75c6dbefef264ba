// Every polling interval of the UI, in one place, so their cost can be judged together.

/** Integration status behind the banner and the settings page. */
export const STATUS_POLL_MS = 3000;

/** Seal status on the login page while Vault is sealed or unreachable. */
export const SEAL_POLL_MS = 2000;

/** Controllers list (online state, last seen). */
export const CONTROLLERS_POLL_MS = 5000;
