// The host's backend reads a connection's current access token. One statement checks the key (scope and
// rate limit), reads the token and writes the read on the connection's timeline naming the key (its name
// and prefix, never the key), so no token leaves without a trace and a read is one round trip.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  apiKeyAllowsSql,
  apiKeyRowSql,
  judgeApiKey,
  type ApiKeyRow,
  type PresentedKey,
} from "@/lib/api-keys/authenticate-api-key";
import { readAccessTokenBehindGate } from "@/lib/connections/connection-token";
import { env } from "@/lib/env";
import { ApiError } from "./api-errors";
import { callerOrThrow } from "./api-route";
import type { EndpointSpec } from "./define-endpoint";

export interface AccessTokenAnswer {
  access_token: string;
  token_rotated_at: string;
  status: string;
}

/** The read's history words over the key row `g`, naming the key: `Read with the API key "Sync" (pck_AbCdEfGh…).` */
const readDetailSql = Prisma.sql`'Read with the API key "' || g.name || '" (' || g.prefix || '…).'`;

export async function readAccessTokenForHost(
  connectionId: string,
  key: PresentedKey,
  spec: Pick<EndpointSpec, "scope">,
): Promise<AccessTokenAnswer> {
  const limit = env().API_KEY_REQUESTS_PER_MINUTE;
  const { own } = key;
  const read = await readAccessTokenBehindGate<ApiKeyRow>(
    connectionId,
    {
      rows: apiKeyRowSql(key.secretHash, key.window.start, key.instance),
      passes: apiKeyAllowsSql(Prisma.raw("g"), spec.scope, own, limit),
      detail: readDetailSql,
    },
    "token_read",
  );
  // Throws what the key earns (401, 429, 403) exactly when the statement's gate did not pass.
  callerOrThrow(judgeApiKey(key, read?.gate, own, limit), spec);
  if (!read?.token) throw new ApiError("not_found", "No connection has this id.");
  return {
    access_token: read.token.accessToken,
    token_rotated_at: read.token.tokenUpdatedAt.toISOString(),
    status: read.token.finchStatus,
  };
}
