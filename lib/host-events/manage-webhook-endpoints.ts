// The host's webhook endpoints: add one (its URL checked against the alert channels' outbound rules,
// stored encrypted with a new signing secret that is returned once), list them, remove one. Each
// endpoint receives every event; removing it drops its undelivered events with it.
import "server-only";
import crypto from "node:crypto";
import { checkDestinationToSave } from "@/lib/alerts/manage-alert-channels";
import { newSigningSecret, openBoundValue, sealBoundValue, urlHint } from "@/lib/alerts/channel-secrets";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** More than any backend needs; it bounds the rows one event writes. */
export const MAX_WEBHOOK_ENDPOINTS = 10;

export interface WebhookEndpointView {
  id: string;
  urlHint: string;
  createdAt: Date;
}

const bound = (id: string, purpose: "url" | "secret") => `host-webhook:${id}:${purpose}`;

export async function createWebhookEndpoint({
  url,
  createdByKeyId,
}: {
  url: string;
  createdByKeyId?: string;
}): Promise<WebhookEndpointView & { secret: string }> {
  const checked = await checkDestinationToSave(url);
  if ((await db().hostWebhookEndpoint.count()) >= MAX_WEBHOOK_ENDPOINTS)
    throw new AppError(
      "conflict",
      `There are already ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; remove one first.`,
    );
  const id = `we_${crypto.randomBytes(12).toString("hex")}`;
  const secret = newSigningSecret();
  const sealedUrl = sealBoundValue(bound(id, "url"), checked);
  const sealedSecret = sealBoundValue(bound(id, "secret"), secret);
  const endpoint = await db().hostWebhookEndpoint.create({
    data: {
      id,
      urlCiphertext: sealedUrl.ciphertext,
      urlKeyId: sealedUrl.keyId,
      urlHint: urlHint(checked),
      secretCiphertext: sealedSecret.ciphertext,
      secretKeyId: sealedSecret.keyId,
      createdByKeyId: createdByKeyId ?? null,
    },
    select: { id: true, urlHint: true, createdAt: true },
  });
  return { ...endpoint, secret };
}

export function listWebhookEndpoints(): Promise<WebhookEndpointView[]> {
  return db().hostWebhookEndpoint.findMany({
    select: { id: true, urlHint: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** False when there was no such endpoint. */
export async function deleteWebhookEndpoint(id: string): Promise<boolean> {
  const { count } = await db().hostWebhookEndpoint.deleteMany({ where: { id } });
  return count === 1;
}

/** The URL and secret an event is sent with (the delivery's only reader of them). */
export function openWebhookEndpoint(endpoint: {
  id: string;
  urlCiphertext: string;
  urlKeyId: string;
  secretCiphertext: string;
  secretKeyId: string;
}): { url: string; secret: string } {
  return {
    url: openBoundValue(bound(endpoint.id, "url"), {
      ciphertext: endpoint.urlCiphertext,
      keyId: endpoint.urlKeyId,
    }),
    secret: openBoundValue(bound(endpoint.id, "secret"), {
      ciphertext: endpoint.secretCiphertext,
      keyId: endpoint.secretKeyId,
    }),
  };
}
