// Importing connections the host already holds tokens for: one at a time, or up to 10,000 in one bulk
// import worked through by a durable job, and the bulk import's report.
import { z } from "zod";
import { defineEndpoint } from "../define-endpoint";
import { importBody } from "./import-body";
import { importReportSchema, importStatus } from "./import-report";
import { connectionSchema, idParams } from "./shared";

export const importConnections = defineEndpoint({
  operationId: "importConnections",
  method: "post",
  path: "/api/v1/connections/import",
  summary: "Import connections",
  description:
    "Imports a connection from a Finch access token you already hold: Finch's /introspect (within the shared Finch call budget) proves the token live and names its connection. The organization is found by external_id or created, and admin_emails are invited once each. The same Finch connection imported again keeps one row and takes the imported token. With `items`, up to 10,000 imports run as a background job; follow it at /api/v1/imports/{id}.",
  tag: "Imports",
  scope: "connections:write",
  body: importBody,
  responses: {
    200: {
      description: "The connection was already here; it now holds the imported token.",
      schema: z.object({ connection: connectionSchema }),
    },
    201: { description: "The connection was imported.", schema: z.object({ connection: connectionSchema }) },
    202: {
      description: "The bulk import is queued.",
      schema: z.object({ import: z.object({ id: z.string(), status: importStatus }) }),
    },
  },
  errors: ["conflict", "token_rejected", "upstream_unavailable"],
});

export const getImport = defineEndpoint({
  operationId: "getImport",
  method: "get",
  path: "/api/v1/imports/{id}",
  summary: "Report on a bulk import",
  tag: "Imports",
  scope: "connections:read",
  params: idParams("import"),
  responses: {
    200: {
      description: "Progress so far, and each failed item with its reason.",
      schema: z.object({ import: importReportSchema }),
    },
  },
});
