// Alert channel URLs and signing secrets at rest (and the host's webhook endpoints', which reuse this):
// AES-256-GCM with the same keyring as Finch tokens, each bound to its row (a ciphertext copied to
// another row does not decrypt).
import "server-only";
import crypto from "node:crypto";
import { decryptToken, encryptToken, parseKeyring, type TokenKeyring } from "@/lib/crypto/token-cipher";
import { env } from "@/lib/env";

let keyring: TokenKeyring | undefined;
const ring = () => (keyring ??= parseKeyring(env().TOKEN_ENCRYPTION_KEYS));

/** Seals a value bound to `context` (e.g. "alert-channel:<id>:url"): it opens only with the same context. */
export function sealBoundValue(context: string, value: string) {
  return encryptToken(value, ring(), context);
}

export function openBoundValue(context: string, sealed: { ciphertext: string; keyId: string }): string {
  return decryptToken(sealed, ring(), context);
}

export function sealChannelValue(channelId: string, purpose: "url" | "secret", value: string) {
  return sealBoundValue(`alert-channel:${channelId}:${purpose}`, value);
}

export function openChannelValue(
  channelId: string,
  purpose: "url" | "secret",
  sealed: { ciphertext: string; keyId: string },
): string {
  return openBoundValue(`alert-channel:${channelId}:${purpose}`, sealed);
}

/** A new Standard Webhooks secret: "whsec_" and 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64")}`;
}

/** What the settings page shows instead of a URL that is itself a credential. */
export function urlHint(url: string): string {
  const parsed = new URL(url);
  const tail = parsed.pathname.length > 12 ? `…${parsed.pathname.slice(-4)}` : parsed.pathname;
  return `${parsed.origin}${tail}`;
}
