// The Connect callback's work: consume the state, exchange the code once, check whose connection the
// new token belongs to, and only then store it (encrypted) in one transaction.
import "server-only";
import type Finch from "@tryfinch/finch-api";
import { afterConnectionChange } from "@/lib/signals/after-connection-change";
import { transitionConnection } from "@/lib/signals/apply-connection-signal";
import { transitionEntities } from "@/lib/signals/apply-entity-statuses";
import { multiEntityReports } from "@/lib/finch/introspect-connection";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { replaceAccessToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { dispatchHostEvents } from "@/lib/host-events/dispatch-host-events";
import { queueHostEvent } from "@/lib/host-events/queue-host-event";
import { finchAppClient, finchConnectionClient } from "@/lib/finch/finch-client";
import { syncAfterConnect } from "@/lib/finch/company-sync-job";
import { storeNewConnection } from "@/lib/finch/store-new-connection";
import { takeRepairReceipt } from "@/lib/finch/take-repair-receipt";
import { logError } from "@/lib/log";
import { consumeConnectAttempt, type ConsumedAttempt } from "./connect-attempts";
import { connectCallbackUrl } from "./connect-urls";

export type ConnectResult =
  | { kind: "connected" | "reconnected"; connectionId: string; returnTo: string }
  | { kind: "mismatch" | "exchange_failed" | "connected_elsewhere"; returnTo: string }
  | { kind: "invalid_state"; reason: "unknown" | "used" | "expired" | "other_user" };

type Introspection = Awaited<ReturnType<Finch["account"]["introspect"]>>;

/**
 * What /auth/token itself says about the new token: which connection and company it belongs to.
 * That is enough for the same-account check, so the check never depends on a second call.
 */
interface NewToken {
  accessToken: string;
  connectionId: string;
  companyId: string | null;
  providerId: string;
  products: string[];
}

async function exchangeCode(code: string): Promise<NewToken | null> {
  try {
    const token = await finchAppClient().accessTokens.create({ code, redirect_uri: connectCallbackUrl() });
    return {
      accessToken: token.access_token,
      connectionId: token.connection_id,
      companyId: token.company_id ?? null,
      providerId: token.provider_id,
      products: token.products,
    };
  } catch (error) {
    // Finch down or the code refused: no token was issued to us, the old one stays. The log names the
    // error's class and Finch's answer, never the code or a token (lib/log masks anything token-shaped).
    logError("connect callback: exchanging the code with Finch failed; nothing was stored", error);
    return null;
  }
}

/** Details for the stored row; a failure here must never cost the token Finch just issued. */
async function introspectQuietly(accessToken: string): Promise<Introspection | null> {
  try {
    return await finchConnectionClient(accessToken).account.introspect();
  } catch (error) {
    logError(
      "connect callback: /introspect after the exchange failed; the token is stored without it",
      error,
    );
    return null;
  }
}

export async function completeConnect({
  state,
  code,
  userId,
}: {
  state: string;
  code: string;
  userId: string;
}): Promise<ConnectResult> {
  const consumed = await consumeConnectAttempt({ state, userId });
  if (consumed.kind === "refused") return { kind: "invalid_state", reason: consumed.reason };
  const { attempt } = consumed;
  const token = await exchangeCode(code);
  if (!token) {
    if (attempt.connectionId) {
      await recordConnectionEvent(db(), {
        connectionId: attempt.connectionId,
        organizationId: attempt.organizationId,
        type: "reconnect_failed",
        detail: "The code exchange with Finch failed; the previous token was kept.",
        actorUserId: userId,
      });
    }
    return { kind: "exchange_failed", returnTo: attempt.returnTo };
  }
  return attempt.purpose === "reconnect" && attempt.connectionId
    ? reconnect(attempt, attempt.connectionId, token, userId)
    : connect(attempt, token, userId);
}

async function reconnect(
  attempt: ConsumedAttempt,
  connectionId: string,
  token: NewToken,
  userId: string,
): Promise<ConnectResult> {
  const connection = await db().connection.findFirst({
    where: { id: connectionId, organizationId: attempt.organizationId },
    select: { id: true, finchConnectionId: true, finchCompanyId: true, providerName: true },
  });
  if (!connection) return { kind: "invalid_state", reason: "unknown" };
  const sameConnection = token.connectionId === connection.finchConnectionId;
  const sameCompany =
    !token.companyId || !connection.finchCompanyId || token.companyId === connection.finchCompanyId;
  if (!sameConnection || !sameCompany) {
    await recordConnectionEvent(db(), {
      connectionId,
      organizationId: attempt.organizationId,
      type: "mismatch",
      detail: `Signed in to a different ${connection.providerName} account; the existing connection was kept unchanged.`,
      actorUserId: userId,
    });
    return { kind: "mismatch", returnTo: attempt.returnTo };
  }
  await storeToken(connectionId, token, userId);
  return { kind: "reconnected", connectionId, returnTo: attempt.returnTo };
}

async function connect(attempt: ConsumedAttempt, token: NewToken, userId: string): Promise<ConnectResult> {
  const existing = await db().connection.findUnique({
    where: { finchConnectionId: token.connectionId },
    select: { id: true, organizationId: true },
  });
  if (existing && existing.organizationId !== attempt.organizationId)
    return { kind: "connected_elsewhere", returnTo: attempt.returnTo };
  if (existing) {
    await storeToken(existing.id, token, userId);
    return { kind: "reconnected", connectionId: existing.id, returnTo: attempt.returnTo };
  }

  const introspection = await introspectQuietly(token.accessToken);
  const entities = multiEntityReports(introspection?.entities);
  const id = await storeNewConnection({
    organizationId: attempt.organizationId,
    accessToken: token.accessToken,
    facts: {
      finchConnectionId: token.connectionId,
      companyId: token.companyId ?? introspection?.company_id ?? null,
      providerId: token.providerId,
      products: token.products,
      authenticationType: introspection?.authentication_methods?.[0]?.type ?? null,
      // Finch only issues a code after a completed Connect flow.
      finchStatus: "connected",
      ...(entities && { entities }),
    },
    event: { type: "connected", source: "connect" },
    source: "connect",
    actorUserId: userId,
    syncCompany: true,
  });
  return { kind: "connected", connectionId: id, returnTo: attempt.returnTo };
}

/**
 * Stores the token of the right connection. It is sealed first, and written in its own statement
 * before anything else may fail: Finch may already have revoked the previous token, so losing this
 * one would leave a dead connection that looks healthy.
 */
async function storeToken(connectionId: string, token: NewToken, userId: string): Promise<void> {
  await writeTokenWithRetry(connectionId, token.accessToken);
  // Finch only issues a code after a completed Connect flow; /introspect (best effort) may say more.
  const introspection = await introspectQuietly(token.accessToken);
  const { outcome, rotated } = await db().$transaction(async (tx) => {
    await tx.connection.update({ where: { id: connectionId }, data: { products: token.products } });
    const entities = multiEntityReports(introspection?.entities);
    const outcome = entities
      ? await transitionEntities(tx, { connectionId, entities, source: "reconnect", actorUserId: userId })
      : await transitionConnection(tx, {
          connectionId,
          finchStatus: introspection?.connection_status?.status ?? "connected",
          source: "reconnect",
          actorUserId: userId,
        });
    // The host's backend fetches the new token (once per endpoint per stored token), status included.
    const rotated = await queueHostEvent(tx, {
      event: "connection.token_rotated",
      connectionId,
      at: new Date(),
    });
    return { outcome, rotated };
  });
  if (!outcome.changed) {
    await recordConnectionEvent(db(), {
      connectionId,
      organizationId: outcome.organizationId,
      type: "reconnected",
      source: "reconnect",
      actorUserId: userId,
    });
  }
  await takeRepairReceipt({ connectionId, organizationId: outcome.organizationId, userId });
  await afterConnectionChange(outcome);
  await dispatchHostEvents(rotated);
  await syncAfterConnect({ connectionId, organizationId: outcome.organizationId });
}

/** One retry: a database hiccup right after the exchange must not cost the only live token. */
async function writeTokenWithRetry(connectionId: string, accessToken: string): Promise<void> {
  try {
    await replaceAccessToken(db(), connectionId, accessToken);
  } catch (error) {
    logError("storing the exchanged token failed once; retrying", error);
    await replaceAccessToken(db(), connectionId, accessToken);
  }
}
