// The host's backend, as the e2e specs play it: an API key written straight into the product's
// database (hashed as the product hashes keys), an organization with the host's own id, and calls to
// /api/v1 with fetch.
import crypto from "node:crypto";
import { generateApiKey } from "../../lib/api-keys/api-key-secret";
import { query } from "./db";
import { APP_URL } from "./ports";

const id = (prefix: string) => `${prefix}${crypto.randomBytes(10).toString("hex")}`;

/** A new key with these scopes; returns the key itself, as an operator would copy it once. */
export async function seedApiKey(scopes: string[]): Promise<string> {
  const { key, prefix, secretHash } = generateApiKey();
  await query(`INSERT INTO "ApiKey" (id, name, prefix, "secretHash", scopes) VALUES ($1, $2, $3, $4, $5)`, [
    id("key"),
    `e2e ${prefix}`,
    prefix,
    secretHash,
    scopes,
  ]);
  return key;
}

/** An organization carrying the host's own customer id (external_id). */
export async function seedHostOrganization(name: string): Promise<{ id: string; externalId: string }> {
  const organization = { id: id("org"), externalId: id("cust-") };
  await query(`INSERT INTO "Organization" (id, name, "externalId") VALUES ($1, $2, $3)`, [
    organization.id,
    name,
    organization.externalId,
  ]);
  return organization;
}

/** POST (or `method`) /api/v1/<path> with the key, answering the status and the JSON body (null if none). */
export async function callHostApi<T>(
  key: string,
  path: string,
  body?: unknown,
  method = "POST",
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${APP_URL}/api/v1/${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}
