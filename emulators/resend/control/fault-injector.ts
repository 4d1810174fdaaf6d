// Makes upcoming sends fail with Resend's own error responses, so retry paths can be tested. The rules
// and the request body are the shared kit's (emulators/shared/faults.ts); this file owns Resend's bodies.
import {
  faultRequestSchema as sharedFaultRequestSchema,
  FaultRules,
  type FaultInput,
  type FaultRule,
} from "../../shared/faults";
import { resendError, type ResendError } from "../api/resend-errors";

export const FAULT_STATUSES = [429, 500, 503] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export const faultRequestSchema = sharedFaultRequestSchema(FAULT_STATUSES);

export interface InjectedFault {
  error: ResendError;
  headers: Record<string, string>;
}

/** Sends fail by the first matching rule; paths are /emails and /emails/batch. */
export class FaultInjector {
  private readonly rules: FaultRules<FaultStatus>;

  constructor(random: () => number = Math.random) {
    this.rules = new FaultRules(random, 1);
  }

  add(request: FaultInput<FaultStatus>): FaultRule<FaultStatus> {
    return this.rules.add(request);
  }

  clear(): void {
    this.rules.clear();
  }

  list(): FaultRule<FaultStatus>[] {
    return this.rules.list();
  }

  /** Called once per send; returns the failure to answer with, or null to proceed. */
  next(path: string): InjectedFault | null {
    const rule = this.rules.take(path);
    return rule ? faultResponse(rule) : null;
  }
}

function faultResponse(state: FaultRule<FaultStatus>): InjectedFault {
  if (state.status === 429) {
    return {
      error: resendError(
        429,
        "rate_limit_exceeded",
        "Too many requests. You can only make 2 requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.",
      ),
      headers: {
        "retry-after": String(state.retryAfterSeconds),
        "ratelimit-limit": "2",
        "ratelimit-remaining": "0",
        "ratelimit-reset": String(state.retryAfterSeconds),
      },
    };
  }
  if (state.status === 503) {
    return {
      error: resendError(
        503,
        "application_error",
        "Service temporarily unavailable. Please try again later.",
      ),
      headers: {},
    };
  }
  return { error: resendError(500, "internal_server_error", "An unexpected error occurred."), headers: {} };
}
