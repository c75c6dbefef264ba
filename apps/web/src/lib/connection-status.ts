import { useSyncExternalStore } from 'react';

// One quiet, global signal for background refresh failures: the header shows it once,
// instead of a toast per failed poll.

type Listener = () => void;

let failingSince: number | null = null;
const listeners = new Set<Listener>();

function emit(): void {
  for (const listener of listeners) listener();
}

export const connectionStatus = {
  reportFailure(): void {
    if (failingSince !== null) return;
    failingSince = Date.now();
    emit();
  },
  reportSuccess(): void {
    if (failingSince === null) return;
    failingSince = null;
    emit();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  isFailing(): boolean {
    return failingSince !== null;
  },
};

export function useBackgroundRefreshFailing(): boolean {
  return useSyncExternalStore(connectionStatus.subscribe, connectionStatus.isFailing);
}
