// What the hooks stand-in holds in memory: the posts that arrived (newest first, capped), the signing
// secrets it was told per path prefix, and the failures it was asked to inject.
import { z } from "zod";
import { faultRequestSchema, FaultRules, type FaultInput } from "../shared/faults";

export interface ReceivedHook {
  id: string;
  receivedAt: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Slack-style posts are never signed; for /hooks/ posts null means no secret was given for the path. */
  verified: boolean | null;
  /** What we answered: a status other than 200 when a fault was injected. */
  status: number;
}

/** What a chat or webhook receiver answers when it is unwell or refuses a post. */
export const HOOK_FAULT_STATUSES = [400, 401, 403, 404, 410, 429, 500, 502, 503, 504] as const;
export type HookFaultStatus = (typeof HOOK_FAULT_STATUSES)[number];
/** The shared body shape: `path` is exact or a prefix ending in `*` (e.g. "/hooks/acme*"). */
export const faultSchema = faultRequestSchema(HOOK_FAULT_STATUSES);

export const secretSchema = z.object({
  pathPrefix: z.string().startsWith("/hooks"),
  secret: z.string().min(1).max(200),
});

const MAX_KEPT = 500;

export class HookStore {
  private received: ReceivedHook[] = [];
  private secrets = new Map<string, string>();
  private readonly faults = new FaultRules<HookFaultStatus>();
  private counter = 0;

  add(hook: Omit<ReceivedHook, "id" | "receivedAt">): ReceivedHook {
    const stored = { ...hook, id: `hook_${++this.counter}`, receivedAt: new Date().toISOString() };
    this.received.unshift(stored);
    this.received.length = Math.min(this.received.length, MAX_KEPT);
    return stored;
  }

  /** Newest first; only the successful ones unless `all`. */
  list({ pathPrefix, all = false }: { pathPrefix?: string; all?: boolean } = {}): ReceivedHook[] {
    return this.received.filter(
      (hook) => (all || hook.status < 300) && (!pathPrefix || hook.path.startsWith(pathPrefix)),
    );
  }

  clear(): void {
    this.received = [];
  }

  setSecret(pathPrefix: string, secret: string): void {
    this.secrets.set(pathPrefix, secret);
  }

  /** The secret of the longest matching prefix. */
  secretFor(path: string): string | null {
    let best: [string, string] | null = null;
    for (const entry of this.secrets)
      if (path.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
    return best?.[1] ?? null;
  }

  addFault(fault: FaultInput<HookFaultStatus>): void {
    this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** The status to fail this post with, consuming one injected failure; null to accept it. */
  takeFault(path: string): number | null {
    return this.faults.take(path)?.status ?? null;
  }
}
