// The repair funnel's steps, in order, with their labels: plain data shared by the funnel page (the
// chart's numbers) and its tables, which render in the client.
import type { FunnelCounts } from "./get-repair-funnel";

export const FUNNEL_STEPS: { key: keyof Omit<FunnelCounts, "medianHours" | "p90Hours">; label: string }[] = [
  { key: "broke", label: "Broke" },
  { key: "notified", label: "Notified" },
  { key: "engaged", label: "Engaged" },
  { key: "connectOpened", label: "Connect opened" },
  { key: "reconnected", label: "Reconnected" },
];
