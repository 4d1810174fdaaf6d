// What every request handler is given.
import type { EmulatorState } from "./state/emulator-state";

export interface EmulatorContext {
  state: EmulatorState;
  /** When set, the only accepted Bearer key; null accepts any non-empty `re_…` key. */
  apiKey: string | null;
  log: (line: string) => void;
}
