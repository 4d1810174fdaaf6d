// The host's webhook endpoints: add one (its signing secret is answered once), list them, remove one.
import { z } from "zod";
import { defineEndpoint } from "../define-endpoint";
import { errorBody, idParams, timestamp } from "./shared";

const endpointId = z.string().meta({ description: "The endpoint's id (we_…)." });
const urlHint = z
  .string()
  .meta({ description: "The URL's origin and the end of its path; never the whole URL." });

const webhookEndpointSchema = z
  .object({ id: endpointId, url_hint: urlHint, created_at: timestamp })
  .meta({ description: "A webhook endpoint (its URL and secret are never shown again)." });

export const createWebhookEndpoint = defineEndpoint({
  operationId: "createWebhookEndpoint",
  method: "post",
  path: "/api/v1/webhook-endpoints",
  summary: "Add a webhook endpoint",
  description:
    "Every event (connection.broken, connection.restored, connection.token_rotated, connection.imported) " +
    "is posted to each endpoint, signed with Standard Webhooks. The URL must be https and reach a public address.",
  tag: "Webhooks",
  scope: "webhooks:write",
  body: z.object({
    url: z.string().trim().min(1).max(2000).meta({ description: "Where events are posted (https)." }),
  }),
  responses: {
    201: {
      description: "The endpoint; secret is the signing secret, shown only in this answer.",
      schema: z.object({
        id: endpointId,
        secret: z
          .string()
          .meta({ description: "Standard Webhooks secret (whsec_…); keep it, it is not shown again." }),
        url_hint: urlHint,
        created_at: timestamp,
      }),
    },
    409: { description: "There are already 10 endpoints (conflict); remove one first.", schema: errorBody },
  },
});

export const listWebhookEndpoints = defineEndpoint({
  operationId: "listWebhookEndpoints",
  method: "get",
  path: "/api/v1/webhook-endpoints",
  summary: "List webhook endpoints",
  tag: "Webhooks",
  scope: "webhooks:write",
  responses: {
    200: {
      description: "Every endpoint, oldest first.",
      schema: z.object({ data: z.array(webhookEndpointSchema) }),
    },
  },
});

export const deleteWebhookEndpoint = defineEndpoint({
  operationId: "deleteWebhookEndpoint",
  method: "delete",
  path: "/api/v1/webhook-endpoints/{id}",
  summary: "Remove a webhook endpoint",
  description: "Its undelivered events are dropped with it.",
  tag: "Webhooks",
  scope: "webhooks:write",
  params: idParams("webhook endpoint"),
  responses: { 204: { description: "Removed." } },
});
