// Asks Finch how one connection is doing, and folds every answer (including errors) into what a
// health check needs to decide. Never throws for an upstream answer; tokens never reach a message.
import "server-only";
import Finch from "@tryfinch/finch-api";
import { z } from "zod";
import type { EntityReport } from "@/lib/connections/connection-entities";
import type { FinchConnectionStatus } from "@/lib/connections/connection-status";
import { finchConnectionClient } from "./finch-client";
import { finchCode, isReauthError, retryAfterSeconds } from "./finch-errors";
import { finchStatusSchema } from "./finch-status-schema";

export type IntrospectionResult =
  | {
      kind: "status";
      finchStatus: FinchConnectionStatus;
      /** Multi-entity mode (more than one entity): each entity's own status. */
      entities?: EntityReport[];
    }
  /** Finch no longer knows the token: it was revoked (disconnected) or never was ours. */
  | { kind: "token_rejected" }
  | { kind: "rate_limited"; retryAfterSeconds?: number }
  /** 5xx, network trouble or an answer we cannot read: says nothing about the connection. */
  | { kind: "unavailable"; detail: string };

const entitySchema = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  source_id: z.string().nullish(),
  status: finchStatusSchema,
});
const introspectionSchema = z.object({
  connection_status: z.object({ status: finchStatusSchema }),
  entities: z.array(entitySchema).nullish(),
});

/** /introspect's `entities[]` as entity reports, when there is more than one (multi-entity mode). */
export function multiEntityReports(
  entities:
    { id: string; name?: string | null; source_id?: string | null; status: string }[] | null | undefined,
): EntityReport[] | undefined {
  if (!entities || entities.length <= 1) return undefined;
  return entities.map((e) => ({
    finchEntityId: e.id,
    name: e.name ?? null,
    sourceId: e.source_id ?? null,
    finchStatus: e.status,
  }));
}

function errorName(error: InstanceType<typeof Finch.APIError>): string | undefined {
  const body = error.error;
  return body && typeof body === "object" && "name" in body && typeof body.name === "string"
    ? body.name
    : undefined;
}

export async function introspectConnection(accessToken: string): Promise<IntrospectionResult> {
  try {
    // No SDK retries: a 429 must stop the caller at once, and a 5xx is simply checked next time.
    const answer = await finchConnectionClient(accessToken).account.introspect({ maxRetries: 0 });
    const parsed = introspectionSchema.safeParse(answer);
    if (!parsed.success) return { kind: "unavailable", detail: "unreadable introspection" };
    const entities = multiEntityReports(parsed.data.entities);
    return {
      kind: "status",
      finchStatus: parsed.data.connection_status.status,
      ...(entities && { entities }),
    };
  } catch (error) {
    // Whether Finch answers a broken connection's /introspect with 200 + "reauth" or with this 401
    // is not settled by Finch's docs (https://developer.tryfinch.com/api-reference/management/introspect says
    // 200 with a status; https://developer.tryfinch.com/developer-resources/Reauthentication says data
    // endpoints answer 401), so both mean the same here.
    if (isReauthError(error)) return { kind: "status", finchStatus: "reauth" };
    if (error instanceof Finch.RateLimitError)
      return { kind: "rate_limited", retryAfterSeconds: retryAfterSeconds(error) };
    if (error instanceof Finch.AuthenticationError && !finchCode(error)) {
      const name = errorName(error);
      if (name === undefined || name === "invalid_token_error") return { kind: "token_rejected" };
    }
    if (error instanceof Finch.APIError) {
      const code = finchCode(error);
      return {
        kind: "unavailable",
        detail: `finch ${error.status ?? "connection error"}${code ? ` ${code}` : ""}`,
      };
    }
    return { kind: "unavailable", detail: error instanceof Error ? error.name : "unknown error" };
  }
}
