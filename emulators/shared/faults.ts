// Fault injection with one body shape for every stand-in, POST /_emulator/faults:
//   { path?, status, count?, fraction?, retryAfterSeconds? }
// `path` is exact or a prefix ending in `*` (absent: every path a stand-in lets fail). `count` calls fail
// (1 by default); a `fraction` without a count fails that share of calls until cleared. Each stand-in
// turns a rule that fires into its own service's error body.
import { z } from "zod";

export function faultRequestSchema<S extends number>(statuses: readonly [S, ...S[]]) {
  return z.object({
    path: z.string().min(1).nullish(),
    status: z.coerce.number().pipe(z.literal(statuses)),
    count: z.coerce.number().int().min(1).max(100_000).optional(),
    fraction: z.coerce.number().min(0).max(1).optional(),
    retryAfterSeconds: z.coerce.number().int().min(0).max(3600).optional(),
  });
}

export interface FaultInput<S extends number> {
  path?: string | null;
  status: S;
  count?: number;
  fraction?: number;
  retryAfterSeconds?: number;
}

export interface FaultRule<S extends number> {
  id: number;
  path: string | null;
  status: S;
  /** Calls left to fail; null means no limit (fraction-only rules). */
  remaining: number | null;
  fraction: number;
  retryAfterSeconds: number;
}

export function pathMatches(rulePath: string | null, path: string): boolean {
  if (rulePath === null || rulePath === "*") return true;
  if (rulePath.endsWith("*")) return path.startsWith(rulePath.slice(0, -1));
  return rulePath === path;
}

/** The active rules, in the order they were added; the first that matches a call decides it. */
export class FaultRules<S extends number> {
  private rules: FaultRule<S>[] = [];
  private nextId = 1;

  constructor(
    private readonly random: () => number = Math.random,
    private readonly defaultRetryAfterSeconds = 0,
  ) {}

  add(input: FaultInput<S>): FaultRule<S> {
    const rule: FaultRule<S> = {
      id: this.nextId++,
      path: input.path ?? null,
      status: input.status,
      remaining: input.count ?? (input.fraction !== undefined ? null : 1),
      fraction: input.fraction ?? 1,
      retryAfterSeconds: input.retryAfterSeconds ?? this.defaultRetryAfterSeconds,
    };
    this.rules.push(rule);
    return { ...rule };
  }

  /** The rule this call fails by, if one fires; consumes one of its uses. */
  take(path: string): FaultRule<S> | null {
    const rule = this.rules.find((candidate) => pathMatches(candidate.path, path));
    if (!rule || this.random() >= rule.fraction) return null;
    if (rule.remaining !== null) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules = this.rules.filter((other) => other !== rule);
    }
    return { ...rule };
  }

  list(): FaultRule<S>[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  clear(): void {
    this.rules = [];
  }
}
