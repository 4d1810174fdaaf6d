import {
  FaultRules,
  pathMatches,
  type FaultInput,
  type FaultRule as SharedFaultRule,
} from "../../shared/faults";
import { FinchError } from "../http/finch-error";

export const FAULT_STATUSES = [429, 500, 502, 503] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export type FaultRule = SharedFaultRule<FaultStatus>;

export interface LatencyRule {
  path: string;
  ms: number;
}

export type AddFaultInput = FaultInput<FaultStatus>;

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

/** Injected latency and failures for API paths. In memory only: a restart clears them. */
export class FaultRegistry {
  private readonly faults: FaultRules<FaultStatus>;
  private latency: LatencyRule[] = [];

  constructor(random: () => number = Math.random) {
    this.faults = new FaultRules(random);
  }

  addFault(input: AddFaultInput): FaultRule {
    return this.faults.add(input);
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
    const rule = this.faults.take(path);
    if (!rule) return null;
    const body = FAULT_BODIES[rule.status];
    return new FinchError(rule.status, body.name, body.message, body.finchCode, {
      "Retry-After": String(rule.retryAfterSeconds),
    });
  }

  list(): { faults: FaultRule[]; latency: LatencyRule[] } {
    return { faults: this.faults.list(), latency: this.latency.map((r) => ({ ...r })) };
  }

  clear(): void {
    this.faults.clear();
    this.latency = [];
  }
}
