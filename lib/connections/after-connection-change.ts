// Follow-ups once a status change is committed. Notifications hang off here so that every detection
// path (and the reconnect callback) triggers them the same way.
import "server-only";
import type { SignalOutcome } from "./apply-connection-signal";

type Listener = (outcome: SignalOutcome) => Promise<void>;

const listeners: Listener[] = [];

/** Registers a follow-up (e.g. queue emails); listeners must be idempotent and quick. */
export function onConnectionChange(listener: Listener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

export async function afterConnectionChange(outcome: SignalOutcome): Promise<void> {
  if (!outcome.changed) return;
  for (const listener of listeners) await listener(outcome);
}
