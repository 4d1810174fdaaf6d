// When a burst of breakages counts as a provider outage. Passed explicitly so tests can inject their own.
import "server-only";
import { env } from "@/lib/env";

export interface OutageThresholds {
  minConnections: number;
  minShare: number;
  windowMinutes: number;
  autoReleaseHours: number;
}

export function outageThresholds(): OutageThresholds {
  const settings = env();
  return {
    minConnections: settings.OUTAGE_MIN_CONNECTIONS,
    minShare: settings.OUTAGE_MIN_SHARE,
    windowMinutes: settings.OUTAGE_WINDOW_MINUTES,
    autoReleaseHours: settings.OUTAGE_AUTO_RELEASE_HOURS,
  };
}
