// Multi-entity mode: a connection's status comes from its entities (finch-reference §13). All live
// entities connected: connected; some broken: partly broken; all broken: broken. Pure, so every case
// is a row in a table test; the reason it writes names the scope and the entities concerned.
import { formatList } from "@/lib/format-list";

export interface EntityStatus {
  name: string | null;
  /** Finch's word for the entity: connected, reauth, disconnected, … */
  finchStatus: string;
}

export type EntityScope = "connected" | "partly_broken" | "broken" | "disconnected";

export interface DerivedStatus {
  /** The word the state machine gets: the worst status among the live entities. */
  finchStatus: string;
  scope: EntityScope;
  /** Names of the live entities that are not connected. */
  broken: string[];
  /** Entities still tracked (not disconnected). */
  live: number;
  /** The customer-facing reason naming scope and entities; null when nothing is broken. */
  reason: string | null;
}

/** Worst first: a connection with one entity in reauth and another pending needs a reconnect. */
const SEVERITY = ["reauth", "error_permissions", "error_no_account_setup", "pending", "processing"];

export const UNNAMED_ENTITY = "an unnamed company";

function worst(statuses: string[]): string {
  return SEVERITY.find((status) => statuses.includes(status)) ?? statuses[0] ?? "connected";
}

function describe(broken: string[], live: number, providerName: string, finchStatus: string): string {
  const action = finchStatus === "reauth" ? "you to reconnect" : "attention";
  const names = formatList(broken);
  if (live === 1) return `${names} on your ${providerName} connection needs ${action}.`;
  if (broken.length === live)
    return `All ${live} companies on your ${providerName} connection need ${action}: ${names}`;
  const verb = broken.length === 1 ? "needs" : "need";
  return `${broken.length} of ${live} companies on your ${providerName} connection ${verb} ${action}: ${names}`;
}

export function deriveConnectionStatus(entities: EntityStatus[], providerName: string): DerivedStatus {
  const live = entities.filter((e) => e.finchStatus !== "disconnected");
  if (live.length === 0)
    return { finchStatus: "disconnected", scope: "disconnected", broken: [], live: 0, reason: null };
  const broken = live.filter((e) => e.finchStatus !== "connected");
  if (broken.length === 0)
    return { finchStatus: "connected", scope: "connected", broken: [], live: live.length, reason: null };
  const finchStatus = worst(broken.map((e) => e.finchStatus));
  const names = broken.map((e) => e.name ?? UNNAMED_ENTITY);
  return {
    finchStatus,
    scope: broken.length === live.length ? "broken" : "partly_broken",
    broken: names,
    live: live.length,
    reason: describe(names, live.length, providerName, finchStatus),
  };
}
