// What every request handler is given.
import type { StandInDomain } from "./api/domains-handler";
import type { EmulatorState } from "./state/emulator-state";

export interface EmulatorContext {
  state: EmulatorState;
  /** When set, the only accepted Bearer key; null accepts any non-empty `re_…` key. */
  apiKey: string | null;
  /** The sending domains GET /domains lists. */
  domains: StandInDomain[];
  log: (line: string) => void;
}
