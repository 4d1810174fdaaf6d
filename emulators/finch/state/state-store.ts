import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
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

/** Holds the state in memory and mirrors every change to disk atomically (tmp file + rename). */
export class StateStore {
  state: EmulatorState;
  private readonly file: string | null;
  private readonly initialWebhooks: WebhookSettings;
  private readonly log: (line: string) => void;

  constructor(options: StateStoreOptions) {
    this.file = options.file ? path.resolve(options.file) : null;
    this.initialWebhooks = options.initialWebhooks;
    this.log = options.log;
    this.state = this.load();
  }

  private load(): EmulatorState {
    const fresh = emptyState({ ...this.initialWebhooks, urls: [...this.initialWebhooks.urls] });
    if (!this.file || !existsSync(this.file)) return fresh;
    try {
      const parsed = stateFileSchema.safeParse(JSON.parse(readFileSync(this.file, "utf8")));
      if (parsed.success) return parsed.data as unknown as EmulatorState;
      this.log(`finch-emulator: state file ${this.file} has an unexpected shape; starting empty`);
    } catch (error) {
      this.log(`finch-emulator: cannot read state file ${this.file} (${String(error)}); starting empty`);
    }
    // Keep the unreadable file for inspection instead of silently overwriting someone's tokens.
    renameSync(this.file, `${this.file}.unreadable-${Date.now()}`);
    return fresh;
  }

  /** Call after every mutation. Synchronous so a crash right after a response never loses what it promised. */
  save(): void {
    this.prune();
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(this.state, null, 2)}\n`);
    renameSync(tmp, this.file);
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
