// The connection as the dashboard sees it (JSON for SWR): never a token, only what a customer needs.
import type { ConnectionStatus } from "@/lib/generated/prisma/enums";
import type { ProductCheck } from "./receipt-line";
import type { RepairAdvice } from "./repair-advice";

/** One company of a multi-entity connection, with its own status (Finch's word) and since when. */
export interface EntitySummary {
  id: string;
  name: string | null;
  finchStatus: string;
  statusSince: string;
}

export interface ConnectionSummary {
  id: string;
  providerId: string;
  providerName: string;
  status: ConnectionStatus;
  finchStatus: string;
  /** How it was made: credential, api_token, oauth or assisted (null until Finch says). */
  authenticationType: string | null;
  statusReason: string | null;
  statusSince: string;
  products: string[];
  affectedServices: string[];
  lastSuccessAt: string | null;
  /** Connect attempts that failed on the current problem (the guard offers help after 2). */
  failedAttempts: number;
  /** The latest repair receipt: each granted product read once right after a reconnect. */
  receipt: { checks: ProductCheck[]; takenAt: string } | null;
  company: { legalName: string | null; employeeCount: number; fetchedAt: string } | null;
  /** The provider is having an outage (many connections broke at once): no action is needed yet. */
  providerOutage: boolean;
  /** What to tell the customer and the one action (lib/connections/repair-advice.ts), worked out on the
   *  server so the advice table never ships to the browser; null while it works. */
  advice: RepairAdvice | null;
  /** A reconnect failed because the person could not see every company (multi-entity mode). */
  accessFailure: boolean;
  /** Multi-entity connections: every entity, by name; empty for single-entity connections. */
  entities: EntitySummary[];
}
