import { FinchError } from "../http/finch-error";

export const FAULT_STATUSES = [429, 500, 502, 503] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export interface FaultRule {
  id: number;
  /** Exact path, a prefix ending in `*`, or null for every API path. */
  path: string | null;
  status: FaultStatus;
  /** Calls left to fail; null means no limit (fraction-only rules). */
  remaining: number | null;
  fraction: number;
  retryAfterSeconds: number;
}

export interface LatencyRule {
  path: string;
  ms: number;
}

export interface AddFaultInput {
  path?: string | null;
  status: FaultStatus;
  count?: number;
  fraction?: number;
  retryAfterSeconds?: number;
}

const FAULT_BODIES: Record<FaultStatus, { name: string; message: string; finchCode?: string }> = {
  429: {
    name: "rate_limit_exceeded_error",
    message: "Rate limit exceeded",
    finchCode: "finch_application_rl",
  },
  500: { name: "server_error", message: "Internal server error" },
  502: {
    name: "bad_gateway_error",
    message: "The payroll provider returned an error",
    finchCode: "upstream_provider_error",
  },
  503: { name: "service_unavailable_error", message: "Service temporarily unavailable" },
};

function pathMatches(rulePath: string | null, path: string): boolean {
  if (rulePath === null || rulePath === "*") return true;
  if (rulePath.endsWith("*")) return path.startsWith(rulePath.slice(0, -1));
  return rulePath === path;
}

/** Injected latency and failures for API paths. In memory only: a restart clears them. */
export class FaultRegistry {
  private faults: FaultRule[] = [];
  private latency: LatencyRule[] = [];
  private nextId = 1;

  constructor(private readonly random: () => number = Math.random) {}

  addFault(input: AddFaultInput): FaultRule {
    const fraction = input.fraction ?? 1;
    const rule: FaultRule = {
      id: this.nextId++,
      path: input.path ?? null,
      status: input.status,
      // A fraction without a count keeps failing that share of calls until cleared.
      remaining: input.count ?? (input.fraction !== undefined ? null : 1),
      fraction,
      retryAfterSeconds: input.retryAfterSeconds ?? 0,
    };
    this.faults.push(rule);
    return rule;
  }

  setLatency(path: string, ms: number): void {
    this.latency = this.latency.filter((rule) => rule.path !== path);
    if (ms > 0) this.latency.push({ path, ms });
  }

  latencyFor(path: string): number {
    return this.latency
      .filter((rule) => pathMatches(rule.path, path))
      .reduce((max, rule) => Math.max(max, rule.ms), 0);
  }

  /** The error to answer this call with, if an active rule fires; consumes one use of the rule. */
  take(path: string): FinchError | null {
    const rule = this.faults.find((r) => pathMatches(r.path, path));
    if (!rule || this.random() >= rule.fraction) return null;
    if (rule.remaining !== null) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.faults = this.faults.filter((r) => r !== rule);
    }
    const body = FAULT_BODIES[rule.status];
    return new FinchError(rule.status, body.name, body.message, body.finchCode, {
      "Retry-After": String(rule.retryAfterSeconds),
    });
  }

  list(): { faults: FaultRule[]; latency: LatencyRule[] } {
    return { faults: this.faults.map((r) => ({ ...r })), latency: this.latency.map((r) => ({ ...r })) };
  }

  clear(): void {
    this.faults = [];
    this.latency = [];
  }
}
