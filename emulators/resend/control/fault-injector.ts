// Makes upcoming sends fail with Resend's own error responses, so retry paths can be tested.
import { z } from "zod";
import { resendError, type ResendError } from "../api/resend-errors";

export const faultRequestSchema = z.object({
  status: z.union([z.literal(429), z.literal(500), z.literal(503)]),
  count: z.number().int().positive().optional(),
  fraction: z.number().min(0).max(1).optional(),
  retryAfter: z.number().int().min(0).max(3600).optional(),
});

export type FaultRequest = z.infer<typeof faultRequestSchema>;

export interface FaultState {
  status: 429 | 500 | 503;
  /** Failures still to come; null means "until reset" (a fraction without a count). */
  remaining: number | null;
  fraction: number;
  retryAfter: number;
}

export interface InjectedFault {
  error: ResendError;
  headers: Record<string, string>;
}

export class FaultInjector {
  private state: FaultState | null = null;

  constructor(private readonly random: () => number = Math.random) {}

  /** Replaces any earlier rule: the latest call says what the next sends do. */
  set(request: FaultRequest): FaultState {
    const remaining = request.count ?? (request.fraction === undefined ? 1 : null);
    this.state = {
      status: request.status,
      remaining,
      fraction: request.fraction ?? 1,
      retryAfter: request.retryAfter ?? 1,
    };
    return { ...this.state };
  }

  clear(): void {
    this.state = null;
  }

  current(): FaultState | null {
    return this.state ? { ...this.state } : null;
  }

  /** Called once per send; returns the failure to answer with, or null to proceed. */
  next(): InjectedFault | null {
    const state = this.state;
    if (!state || this.random() >= state.fraction) return null;
    if (state.remaining !== null) {
      state.remaining -= 1;
      if (state.remaining <= 0) this.state = null;
    }
    return faultResponse(state);
  }
}

function faultResponse(state: FaultState): InjectedFault {
  if (state.status === 429) {
    return {
      error: resendError(
        429,
        "rate_limit_exceeded",
        "Too many requests. You can only make 2 requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.",
      ),
      headers: {
        "retry-after": String(state.retryAfter),
        "ratelimit-limit": "2",
        "ratelimit-remaining": "0",
        "ratelimit-reset": String(state.retryAfter),
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
