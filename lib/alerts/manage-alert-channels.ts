// An organization's alert channels as owners manage them: set a URL (checked against the outbound
// rules before it is stored, encrypted), remove it, rotate the webhook's signing secret. A new
// secret is returned once, to be shown once; it is never readable again. A webhook endpoint gets a
// new secret whenever its URL changes, so the previous receiver cannot sign events for the new one.
import "server-only";
import crypto from "node:crypto";
import dns from "node:dns/promises";
import { db } from "@/lib/db";
import type { AlertChannelKind } from "@/lib/generated/prisma/enums";
import { isPublicAddress } from "./address-policy";
import { newSigningSecret, openChannelValue, sealChannelValue, urlHint } from "./channel-secrets";
import { strictFor } from "./outbound-policy";
import { checkDestinationUrl, DestinationRefusedError } from "./safe-post";

export interface AlertChannelView {
  kind: AlertChannelKind;
  urlHint: string;
  updatedAt: Date;
}

export function listAlertChannels(organizationId: string): Promise<AlertChannelView[]> {
  return db().alertChannel.findMany({
    where: { organizationId },
    select: { kind: true, urlHint: true, updatedAt: true },
  });
}

/**
 * Production rules at save time too, so a bad URL is refused on the form rather than at the first
 * alert (the host's webhook endpoints are checked the same way). Returns the URL normalized.
 */
export async function checkDestinationToSave(raw: string): Promise<string> {
  const strict = strictFor(raw.trim());
  const url = checkDestinationUrl(raw.trim(), strict);
  if (strict) {
    const addresses = await dns.lookup(url.hostname, { all: true }).catch(() => []);
    if (addresses.length === 0) throw new DestinationRefusedError("That host name does not resolve.");
    if (addresses.some((entry) => !isPublicAddress(entry.address)))
      throw new DestinationRefusedError("The URL must point at a public internet address.");
  }
  return url.toString();
}

export interface SaveAlertChannelOptions {
  organizationId: string;
  kind: AlertChannelKind;
  url: string;
}

/** The URL a channel has now, or null when it cannot be read (its key was retired): a new URL, then. */
function storedUrl(id: string, sealed: { urlCiphertext: string; urlKeyId: string }): string | null {
  try {
    return openChannelValue(id, "url", { ciphertext: sealed.urlCiphertext, keyId: sealed.urlKeyId });
  } catch {
    return null;
  }
}

/** Returns the signing secret when one was created (a new webhook endpoint, or a new URL for it). */
export async function saveAlertChannel({ organizationId, kind, url }: SaveAlertChannelOptions) {
  const checked = await checkDestinationToSave(url);
  const existing = await db().alertChannel.findUnique({
    where: { organizationId_kind: { organizationId, kind } },
    select: { id: true, secretCiphertext: true, urlCiphertext: true, urlKeyId: true },
  });
  const id = existing?.id ?? `ch_${crypto.randomBytes(12).toString("hex")}`;
  const sealedUrl = sealChannelValue(id, "url", checked);
  const keepsSecret = existing?.secretCiphertext && storedUrl(id, existing) === checked;
  const secret = kind === "webhook" && !keepsSecret ? newSigningSecret() : null;
  const sealedSecret = secret ? sealChannelValue(id, "secret", secret) : null;
  const data = {
    urlCiphertext: sealedUrl.ciphertext,
    urlKeyId: sealedUrl.keyId,
    urlHint: urlHint(checked),
    ...(sealedSecret && { secretCiphertext: sealedSecret.ciphertext, secretKeyId: sealedSecret.keyId }),
  };
  await db().alertChannel.upsert({
    where: { organizationId_kind: { organizationId, kind } },
    create: { id, organizationId, kind, ...data },
    update: data,
  });
  return { secret };
}

/** A fresh secret for the webhook endpoint; the old one stops working at once. Null without an endpoint. */
export async function rotateWebhookSecret(organizationId: string): Promise<string | null> {
  const channel = await db().alertChannel.findUnique({
    where: { organizationId_kind: { organizationId, kind: "webhook" } },
    select: { id: true },
  });
  if (!channel) return null;
  const secret = newSigningSecret();
  const sealed = sealChannelValue(channel.id, "secret", secret);
  await db().alertChannel.update({
    where: { id: channel.id },
    data: { secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId },
  });
  return secret;
}

export async function removeAlertChannel(organizationId: string, kind: AlertChannelKind): Promise<void> {
  await db().alertChannel.deleteMany({ where: { organizationId, kind } });
}
