// What Finch says about an access token someone hands us (an import): whose connection it is, its
// provider, products, status and entities, or why Finch refused it. Through the budget like every
// call; the caller picks the priority. The token never reaches a message.
import "server-only";
import Finch from "@tryfinch/finch-api";
import { z } from "zod";
import type { EntityReport } from "@/lib/connections/connection-entities";
import { finchConnectionClient } from "./finch-client";
import { finchCode, retryAfterSeconds } from "./finch-errors";
import { finchStatusSchema } from "./finch-status-schema";
import { multiEntityReports } from "./introspect-connection";

/** The facts a stored connection needs, as /introspect reports them. */
export interface TokenFacts {
  finchConnectionId: string;
  companyId: string | null;
  providerId: string;
  products: string[];
  authenticationType: string | null;
  finchStatus: string;
  /** Multi-entity mode (more than one entity): each entity's own status. */
  entities?: EntityReport[];
}

export type TokenIntrospection =
  | { kind: "live"; facts: TokenFacts }
  /** Finch does not accept the token (revoked, never issued, or no connection id to go by). */
  | { kind: "rejected"; finchSays: string }
  /** Finch unreachable, a 5xx, a 429, or our own budget held the call back: try again later. */
  | { kind: "unavailable"; retryAfterSeconds: number; detail: string };

const DEFAULT_RETRY_SECONDS = 30;

const introspectionSchema = z.object({
  connection_id: z.string().min(1),
  company_id: z.string().nullish(),
  provider_id: z.string().min(1),
  products: z.array(z.string()),
  connection_status: z.object({ status: finchStatusSchema }),
  authentication_methods: z.array(z.object({ type: z.string() })).nullish(),
  entities: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().nullish(),
        source_id: z.string().nullish(),
        status: finchStatusSchema,
      }),
    )
    .nullish(),
});

/** Finch's own words for a refusal: status, error name and code, and its message. */
function finchSays(error: InstanceType<typeof Finch.APIError>): string {
  const body = error.error;
  const field = (name: string) =>
    body && typeof body === "object" && name in body ? (body as Record<string, unknown>)[name] : undefined;
  const name = field("name");
  const message = field("message");
  const code = finchCode(error);
  const label = [error.status, typeof name === "string" ? name : null, code].filter(Boolean).join(" ");
  return typeof message === "string" && message ? `${label}: ${message}` : label;
}

export async function introspectToken(accessToken: string): Promise<TokenIntrospection> {
  try {
    // No SDK retries: a refusal or a 429 is answered at once, and the caller decides when to try again.
    const answer = await finchConnectionClient(accessToken).account.introspect({ maxRetries: 0 });
    const parsed = introspectionSchema.safeParse(answer);
    if (!parsed.success) {
      return {
        kind: "unavailable",
        retryAfterSeconds: DEFAULT_RETRY_SECONDS,
        detail: "unreadable /introspect",
      };
    }
    const data = parsed.data;
    const entities = multiEntityReports(data.entities);
    return {
      kind: "live",
      facts: {
        finchConnectionId: data.connection_id,
        companyId: data.company_id ?? null,
        providerId: data.provider_id,
        products: data.products,
        authenticationType: data.authentication_methods?.[0]?.type ?? null,
        finchStatus: data.connection_status.status,
        ...(entities && { entities }),
      },
    };
  } catch (error) {
    if (error instanceof Finch.RateLimitError) {
      return {
        kind: "unavailable",
        retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds(error) ?? DEFAULT_RETRY_SECONDS)),
        detail: "rate limited",
      };
    }
    // A 401 reauthenticate_user names no connection, so there is nothing to record it against.
    if (error instanceof Finch.AuthenticationError) {
      return { kind: "rejected", finchSays: finchSays(error) };
    }
    if (
      error instanceof Finch.APIError &&
      typeof error.status === "number" &&
      error.status < 500 &&
      error.status !== 408
    ) {
      return { kind: "rejected", finchSays: finchSays(error) };
    }
    const detail =
      error instanceof Finch.APIError ? `finch ${error.status ?? "connection error"}` : "unreachable";
    return { kind: "unavailable", retryAfterSeconds: DEFAULT_RETRY_SECONDS, detail };
  }
}
