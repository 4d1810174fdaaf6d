// A connection we did not have yet, stored once Finch has told us whose it is: the row with its token
// sealed, its first timeline entry and, for multi-entity tokens, its entities and derived status, in
// one transaction. Both ways in use it: the Connect callback and the host's import.
import "server-only";
import crypto from "node:crypto";
import { recordConnectionEvent, type ConnectionEventType } from "@/lib/connections/connection-events";
import { sealAccessToken } from "@/lib/connections/connection-token";
import { db, type Tx } from "@/lib/db";
import type { DetectionSource } from "@/lib/generated/prisma/enums";
import { afterConnectionChange } from "@/lib/signals/after-connection-change";
import { transitionConnection, type SignalOutcome } from "@/lib/signals/apply-connection-signal";
import { transitionEntities } from "@/lib/signals/apply-entity-statuses";
import { syncAfterConnect } from "./company-sync-job";
import { finchConnectionClient } from "./finch-client";
import type { TokenFacts } from "./introspect-token";
import { providerDisplayName } from "./provider-name";

export interface StoreNewConnectionOptions {
  organizationId: string;
  accessToken: string;
  facts: TokenFacts;
  /** The first timeline entry (connected, imported). */
  event: { type: ConnectionEventType; source?: string; detail?: string };
  /** The detection path a status other than connected is recorded under. */
  source: DetectionSource;
  actorUserId?: string;
  /** Runs in the same transaction once the row exists (an import marks its item done there). */
  alsoInTransaction?: (tx: Tx, connectionId: string) => Promise<void>;
  /** Fetch the company data now (a person is waiting for it), or leave it to "Sync now" (bulk work). */
  syncCompany: boolean;
}

export async function storeNewConnection(options: StoreNewConnectionOptions): Promise<string> {
  const { organizationId, accessToken, facts, source, actorUserId } = options;
  // The id is bound into the token's ciphertext, so it is chosen before the row is written.
  const id = `conn_${crypto.randomBytes(12).toString("base64url")}`;
  const providerName = await providerDisplayName(finchConnectionClient(accessToken), facts.providerId);
  const outcome = await db().$transaction(async (tx): Promise<SignalOutcome | null> => {
    await tx.connection.create({
      data: {
        id,
        organizationId,
        finchConnectionId: facts.finchConnectionId,
        finchCompanyId: facts.companyId,
        providerId: facts.providerId,
        providerName,
        products: facts.products,
        authenticationType: facts.authenticationType,
        finchStatus: "connected",
        ...sealAccessToken(id, accessToken),
      },
    });
    await recordConnectionEvent(tx, { connectionId: id, organizationId, actorUserId, ...options.event });
    await options.alsoInTransaction?.(tx, id);
    // Multi-entity mode: each entity is stored, and the status derives from them.
    if (facts.entities) {
      return transitionEntities(tx, { connectionId: id, entities: facts.entities, source, actorUserId });
    }
    // An imported token may belong to a connection that is already broken.
    if (facts.finchStatus !== "connected") {
      return transitionConnection(tx, {
        connectionId: id,
        finchStatus: facts.finchStatus,
        source,
        actorUserId,
      });
    }
    return null;
  });
  if (outcome) await afterConnectionChange(outcome);
  // A broken connection has no company data to give until it is reconnected (which syncs it).
  if (options.syncCompany && facts.finchStatus === "connected")
    await syncAfterConnect({ connectionId: id, organizationId });
  return id;
}
