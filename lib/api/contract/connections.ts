// Reading connections: the list (filtered, cursor-paginated) and one connection.
import { z } from "zod";
import { defineEndpoint } from "../define-endpoint";
import { connectionSchema, idParams, recordId } from "./shared";

export const listConnections = defineEndpoint({
  operationId: "listConnections",
  method: "get",
  path: "/api/v1/connections",
  summary: "List connections",
  tag: "Connections",
  scope: "connections:read",
  query: z.object({
    status: z
      .string()
      .regex(/^[a-z_]{1,40}$/, { error: "must be one of Finch's status words" })
      .optional(),
    organization_external_id: z.string().min(1).max(200).optional(),
    cursor: recordId("connection").optional().meta({ description: "next_cursor from the previous page." }),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  responses: {
    200: {
      description: "One page, oldest first; next_cursor is null on the last page.",
      schema: z.object({ data: z.array(connectionSchema), next_cursor: z.string().nullable() }),
    },
  },
});

export const getConnection = defineEndpoint({
  operationId: "getConnection",
  method: "get",
  path: "/api/v1/connections/{id}",
  summary: "Get one connection",
  tag: "Connections",
  scope: "connections:read",
  params: idParams("connection"),
  responses: { 200: { description: "The connection.", schema: z.object({ connection: connectionSchema }) } },
});
