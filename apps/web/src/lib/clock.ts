import { useSyncExternalStore } from 'react';

// One shared clock for every relative time on screen: a table of fifty "5 seconds ago"
// cells redraws on one timer, not fifty, and the timer stops when none is shown.

/** How often relative times are redrawn, so "5 seconds ago" does not freeze. */
export const CLOCK_TICK_MS = 10_000;

type Listener = () => void;

const listeners = new Set<Listener>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(tick, CLOCK_TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, updated every CLOCK_TICK_MS while a component shows it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
