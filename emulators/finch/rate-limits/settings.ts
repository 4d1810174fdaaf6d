// How the stand-in enforces Finch's published rate limits (lib/finch/spec/rate-limits.ts, shared with
// the app's call budget). Off by default, so nothing else changes; windows scale down for tests and benchmarks.
import { FINCH_RATE_LIMITS as PUBLISHED, type RateLimitedProduct } from "../../../lib/finch/spec/rate-limits";

export interface RateLimitSettings {
  enabled: boolean;
  /** Multiplies every window and the penalty: 0.01 turns 5 minutes into 3 seconds. */
  windowScale: number;
  ipLimit: number;
  ipWindowMs: number;
  ipPenaltyMs: number;
  productWindowMs: number;
  productLimits: Record<RateLimitedProduct, number>;
}

export const FINCH_RATE_LIMITS: RateLimitSettings = {
  enabled: false,
  windowScale: 1,
  ipLimit: PUBLISHED.ipLimit,
  ipWindowMs: PUBLISHED.ipWindowSeconds * 1000,
  ipPenaltyMs: PUBLISHED.ipPenaltySeconds * 1000,
  productWindowMs: PUBLISHED.productWindowSeconds * 1000,
  productLimits: { ...PUBLISHED.productLimits },
};

/**
 * `FINCH_EMULATOR_RATE_LIMITS=on` switches enforcement on; `FINCH_EMULATOR_RATE_LIMIT_SCALE` (a
 * positive number, default 1) scales the windows.
 */
export function rateLimitSettingsFromEnv(env: NodeJS.ProcessEnv): RateLimitSettings {
  const enabled = ["on", "true", "1"].includes((env.FINCH_EMULATOR_RATE_LIMITS ?? "").toLowerCase());
  const scale = Number(env.FINCH_EMULATOR_RATE_LIMIT_SCALE ?? 1);
  if (!Number.isFinite(scale) || scale <= 0)
    throw new Error(`Invalid FINCH_EMULATOR_RATE_LIMIT_SCALE: ${env.FINCH_EMULATOR_RATE_LIMIT_SCALE}`);
  return { ...FINCH_RATE_LIMITS, enabled, windowScale: scale };
}
