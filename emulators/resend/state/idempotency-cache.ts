// Remembers successful sends by Idempotency-Key for 24 hours, as Resend does.
import { createHash } from "node:crypto";
import { z } from "zod";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export const idempotencyRecordSchema = z.object({
  scope: z.string(),
  key: z.string(),
  fingerprint: z.string(),
  status: z.number(),
  body: z.unknown(),
  createdAt: z.number(),
});

export type IdempotencyRecord = z.infer<typeof idempotencyRecordSchema>;

export type IdempotencyLookup =
  { kind: "miss" } | { kind: "replay"; status: number; body: unknown } | { kind: "conflict" };

export class IdempotencyCache {
  private readonly records = new Map<string, IdempotencyRecord>();

  constructor(
    initial: IdempotencyRecord[] = [],
    private readonly now: () => number = Date.now,
  ) {
    for (const record of initial) this.records.set(mapKey(record.scope, record.key), record);
  }

  lookup(scope: string, key: string, fingerprint: string): IdempotencyLookup {
    const record = this.live(scope, key);
    if (!record) return { kind: "miss" };
    return record.fingerprint === fingerprint
      ? { kind: "replay", status: record.status, body: record.body }
      : { kind: "conflict" };
  }

  remember(scope: string, key: string, fingerprint: string, status: number, body: unknown): void {
    this.records.set(mapKey(scope, key), { scope, key, fingerprint, status, body, createdAt: this.now() });
  }

  clear(): void {
    this.records.clear();
  }

  /** Unexpired records, for the state file. */
  snapshot(): IdempotencyRecord[] {
    return [...this.records.values()].filter((record) => !this.expired(record));
  }

  private live(scope: string, key: string): IdempotencyRecord | undefined {
    const record = this.records.get(mapKey(scope, key));
    if (record && this.expired(record)) {
      this.records.delete(mapKey(scope, key));
      return undefined;
    }
    return record;
  }

  private expired(record: IdempotencyRecord): boolean {
    return this.now() - record.createdAt >= IDEMPOTENCY_TTL_MS;
  }
}

/** A hash of the parsed body with sorted keys, so whitespace and key order do not count as a change. */
export function fingerprintOf(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function mapKey(scope: string, key: string): string {
  return `${scope}\u0000${key}`;
}
