// Everything the emulator remembers, and when it goes to disk.
import { openStateFile } from "../../shared/state-file";
import { FaultInjector } from "../control/fault-injector";
import { EmailStore } from "./email-store";
import { IdempotencyCache } from "./idempotency-cache";
import { stateFileSchema, type StateFileContents } from "./state-file";

export interface EmulatorState {
  emails: EmailStore;
  idempotency: IdempotencyCache;
  faults: FaultInjector;
  /** Writes the current emails and idempotency records; they are on disk when it returns. */
  persist(): void;
}

export function loadEmulatorState(stateFile: string | null, log: (line: string) => void): EmulatorState {
  const file = openStateFile<StateFileContents>({
    file: stateFile,
    schema: stateFileSchema,
    name: "resend-emulator",
    log,
  });
  const contents = file.load();
  const emails = new EmailStore(contents?.emails);
  const idempotency = new IdempotencyCache(contents?.idempotency);
  return {
    emails,
    idempotency,
    // Faults are for the test that set them, so they are deliberately not persisted.
    faults: new FaultInjector(),
    persist: () => file.save({ version: 1, emails: emails.snapshot(), idempotency: idempotency.snapshot() }),
  };
}
