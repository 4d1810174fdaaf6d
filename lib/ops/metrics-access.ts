// Who may read /api/metrics: with METRICS_TOKEN set, only a request bearing it; without one, anyone
// outside production and nobody in production (metrics name customers' providers and the fleet's size).
import crypto from "node:crypto";

export type MetricsAccess = { allowed: true } | { allowed: false; status: 401 | 403; error: string };

export interface MetricsAccessOptions {
  authorization: string | null;
  token: string | undefined;
  production: boolean;
}

export function metricsAccess({ authorization, token, production }: MetricsAccessOptions): MetricsAccess {
  if (!token) {
    return production
      ? { allowed: false, status: 403, error: "Metrics are off: set METRICS_TOKEN to expose them." }
      : { allowed: true };
  }
  const presented = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? "")?.[1] ?? "";
  const a = crypto.createHash("sha256").update(presented).digest();
  const b = crypto.createHash("sha256").update(token).digest();
  return crypto.timingSafeEqual(a, b)
    ? { allowed: true }
    : { allowed: false, status: 401, error: "A valid bearer token is required." };
}
