// The host's backend reads a connection's current access token. Every read is written on the
// connection's timeline first, naming the key (its name and prefix, never the key), so no token leaves
// without a trace.
import "server-only";
import type { ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { readAccessToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { ApiError } from "./api-errors";

export interface AccessTokenAnswer {
  access_token: string;
  token_rotated_at: string;
  status: string;
}

/** How a key is named on timelines: `"Nightly sync" (pck_AbCdEfGh…)`. */
export function describeApiKey(caller: Pick<ApiCaller, "name" | "prefix">): string {
  return `"${caller.name}" (${caller.prefix}…)`;
}

export async function readAccessTokenForHost(
  connectionId: string,
  caller: ApiCaller,
): Promise<AccessTokenAnswer> {
  const row = await db().connection.findUnique({
    where: { id: connectionId },
    select: { organizationId: true, finchStatus: true, tokenUpdatedAt: true },
  });
  if (!row) throw new ApiError("not_found", "No connection has this id.");
  await recordConnectionEvent(db(), {
    connectionId,
    organizationId: row.organizationId,
    type: "token_read",
    detail: `Read with the API key ${describeApiKey(caller)}.`,
  });
  const accessToken = await readAccessToken(connectionId, row.organizationId);
  if (!accessToken) throw new ApiError("not_found", "No connection has this id.");
  return {
    access_token: accessToken,
    token_rotated_at: row.tokenUpdatedAt.toISOString(),
    status: row.finchStatus,
  };
}
