// How each detection path is named in the operator's tables and the repair funnel.
import type { DetectionSource } from "@/lib/generated/prisma/enums";

export const DETECTION_LABELS: Record<DetectionSource, string> = {
  api_error: "API error",
  webhook: "Webhook",
  sweep: "Sweep",
  reconnect: "Reconnect",
  connect: "Connect",
  host_api: "Host API",
};

/** The label for a stored detection path; an unknown word is shown as it is. */
export function detectionLabel(path: string): string {
  return (DETECTION_LABELS as Record<string, string>)[path] ?? path;
}
