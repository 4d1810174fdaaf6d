// Importing a connection we already have: the imported token (just proven live by /introspect) takes
// the stored one's place, its products and status follow what Finch says, and the timeline records that
// the token was replaced through the API. The same token imported again changes nothing.
import "server-only";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { readAccessToken, replaceAccessToken } from "@/lib/connections/connection-token";
import { db, type Tx } from "@/lib/db";
import type { TokenFacts } from "@/lib/finch/introspect-token";
import { afterConnectionChange } from "@/lib/signals/after-connection-change";
import { transitionConnection } from "@/lib/signals/apply-connection-signal";
import { transitionEntities } from "@/lib/signals/apply-entity-statuses";

export interface ReplaceImportedTokenOptions {
  connectionId: string;
  organizationId: string;
  accessToken: string;
  facts: TokenFacts;
  /** Names the API key on the timeline. */
  actorLabel: string;
  alsoInTransaction?: (tx: Tx, connectionId: string) => Promise<void>;
}

export async function replaceImportedToken(options: ReplaceImportedTokenOptions): Promise<void> {
  const { connectionId, organizationId, facts } = options;
  const sameToken = (await readAccessToken(connectionId, organizationId)) === options.accessToken;
  const outcome = await db().$transaction(async (tx) => {
    if (!sameToken) {
      await replaceAccessToken(tx, connectionId, options.accessToken);
      await recordConnectionEvent(tx, {
        connectionId,
        organizationId,
        type: "token_replaced",
        detail: `Imported again by ${options.actorLabel}; the new access token replaced the stored one.`,
      });
    }
    await tx.connection.update({ where: { id: connectionId }, data: { products: facts.products } });
    await options.alsoInTransaction?.(tx, connectionId);
    if (facts.entities)
      return transitionEntities(tx, { connectionId, entities: facts.entities, source: "host_api" });
    return transitionConnection(tx, { connectionId, finchStatus: facts.finchStatus, source: "host_api" });
  });
  await afterConnectionChange(outcome);
}
