// Acting on one connection: reading its current access token, and reporting what Finch answered the
// host's own calls (signals), which feed the same state machine as our detection paths.
import { z } from "zod";
import { defineEndpoint } from "../define-endpoint";
import { connectionSchema, idParams, timestamp } from "./shared";

export const readAccessToken = defineEndpoint({
  operationId: "readAccessToken",
  method: "post",
  path: "/api/v1/connections/{id}/access-token",
  summary: "Read the connection's current access token",
  description:
    "A POST so that no cache, prefetch or access log keeps the token. Every read is recorded on the connection's history with the key's name and prefix. Read it again after connection.token_rotated.",
  tag: "Connections",
  scope: "tokens:read",
  params: idParams("connection"),
  responses: {
    200: {
      description: "The token Finch issued for this connection, as stored now.",
      schema: z.object({
        access_token: z.string().meta({ description: "Send it to Finch as Authorization: Bearer <token>." }),
        token_rotated_at: timestamp.meta({ description: "When this token was stored." }),
        status: z
          .string()
          .meta({ description: "Finch's word for the connection now (connected, reauth, …)." }),
      }),
    },
  },
});

/** Clocks differ a little: a few seconds ahead of ours is taken as now, more is refused. */
const CLOCK_SKEW_MS = 5_000;

const signalBody = z.object({
  type: z.enum(["reauthenticate_user", "ok"]).meta({
    description:
      "reauthenticate_user: Finch answered your call 401 reauthenticate_user. ok: a call with this connection's token succeeded.",
  }),
  observed_at: z.iso
    .datetime({ offset: true })
    .refine((value) => Date.parse(value) <= Date.now() + CLOCK_SKEW_MS, {
      error: "must not be in the future",
    })
    .optional()
    .meta({
      description: "ISO 8601. When your system saw Finch's answer (default: now); never in the future.",
    }),
});

export const reportSignal = defineEndpoint({
  operationId: "reportSignal",
  method: "post",
  path: "/api/v1/connections/{id}/signals",
  summary: "Report what Finch answered your call",
  description:
    'Feeds the same state machine as our own detection (shown as "Host API"). Repeating a signal changes nothing; a signal observed before the connection\'s current status_since is ignored as stale.',
  tag: "Connections",
  scope: "connections:write",
  params: idParams("connection"),
  body: signalBody,
  responses: {
    202: {
      description:
        "Accepted. outcome: changed (the status moved), unchanged (it already said so) or stale (observed before status_since, ignored).",
      schema: z.object({
        outcome: z.enum(["changed", "unchanged", "stale"]),
        connection: connectionSchema,
      }),
    },
  },
});
