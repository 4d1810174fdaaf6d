// The host's backend reads a connection's current access token. Every read is written on the
// connection's timeline in the same statement that reads it, naming the key (its name and prefix,
// never the key), so no token leaves without a trace.
import "server-only";
import type { ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import { readAccessTokenWithEvent } from "@/lib/connections/connection-token";
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
  // One statement: the token, its status and rotation time, and the read on the timeline.
  const read = await readAccessTokenWithEvent(connectionId, {
    type: "token_read",
    detail: `Read with the API key ${describeApiKey(caller)}.`,
  });
  if (!read) throw new ApiError("not_found", "No connection has this id.");
  return {
    access_token: read.accessToken,
    token_rotated_at: read.tokenUpdatedAt.toISOString(),
    status: read.finchStatus,
  };
}
