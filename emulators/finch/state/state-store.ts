import { z } from "zod";
import { openStateFile, type StateFile } from "../../shared/state-file";
import { emptyState, type EmulatorState, type WebhookSettings } from "./types";

const MAX_DELIVERIES = 200;
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

// Only the envelope is checked: the records are the emulator's own output, and a file from another
// version is set aside rather than half-loaded.
const stateFileSchema = z.object({
  version: z.literal(1),
  connections: z.array(z.record(z.string(), z.unknown())),
  tokens: z.array(z.record(z.string(), z.unknown())),
  codes: z.array(z.record(z.string(), z.unknown())),
  sessions: z.array(z.record(z.string(), z.unknown())),
  deliveries: z.array(z.record(z.string(), z.unknown())),
  webhooks: z.object({ urls: z.array(z.string()), authenticationMethodShape: z.enum(["object", "string"]) }),
  revokeOldTokensOnReauth: z.boolean(),
});

export interface StateStoreOptions {
  file: string | null;
  initialWebhooks: WebhookSettings;
  log: (line: string) => void;
}

/** Holds the state in memory and mirrors every change to the shared state file. */
export class StateStore {
  state: EmulatorState;
  private readonly file: StateFile<EmulatorState>;
  private readonly initialWebhooks: WebhookSettings;

  constructor(options: StateStoreOptions) {
    this.file = openStateFile<EmulatorState>({
      file: options.file,
      schema: stateFileSchema,
      name: "finch-emulator",
      log: options.log,
    });
    this.initialWebhooks = options.initialWebhooks;
    this.state =
      this.file.load() ?? emptyState({ ...this.initialWebhooks, urls: [...this.initialWebhooks.urls] });
  }

  /** Call after every mutation (synchronous: see emulators/shared/state-file.ts). */
  save(): void {
    this.prune();
    this.file.save(this.state);
  }

  reset(): void {
    this.state = emptyState({ ...this.initialWebhooks, urls: [...this.initialWebhooks.urls] });
    this.save();
  }

  private prune(): void {
    const cutoff = Date.now() - STALE_AFTER_MS;
    const s = this.state;
    s.codes = s.codes.filter((c) => Date.parse(c.expiresAt) > cutoff);
    s.sessions = s.sessions.filter((x) => Date.parse(x.expiresAt) > cutoff);
    if (s.deliveries.length > MAX_DELIVERIES) s.deliveries = s.deliveries.slice(-MAX_DELIVERIES);
  }
}
