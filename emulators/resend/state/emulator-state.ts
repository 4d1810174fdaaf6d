// Everything the emulator remembers, and when it goes to disk.
import { EmailStore } from "./email-store";
import { FaultInjector } from "../control/fault-injector";
import { IdempotencyCache } from "./idempotency-cache";
import { readStateFile, StateFileWriter } from "./state-file";

export interface EmulatorState {
  emails: EmailStore;
  idempotency: IdempotencyCache;
  faults: FaultInjector;
  /** Writes the current emails and idempotency records; resolves once they are on disk. */
  persist(): Promise<void>;
  flush(): Promise<void>;
}

export async function loadEmulatorState(stateFile: string | null): Promise<EmulatorState> {
  const contents = stateFile ? await readStateFile(stateFile) : null;
  const emails = new EmailStore(contents?.emails);
  const idempotency = new IdempotencyCache(contents?.idempotency);
  const writer = stateFile ? new StateFileWriter(stateFile) : null;
  return {
    emails,
    idempotency,
    // Faults are for the test that set them, so they are deliberately not persisted.
    faults: new FaultInjector(),
    persist: async () => {
      await writer?.save({ version: 1, emails: emails.snapshot(), idempotency: idempotency.snapshot() });
    },
    flush: async () => {
      await writer?.flush();
    },
  };
}
