// The doctor's database checks: reachable and fully migrated, and the token encryption keys decrypt
// the most recently stored Finch token (so a rotated or mistyped TOKEN_ENCRYPTION_KEYS shows before a
// customer's sweep fails).
import pg from "pg";
import { decryptToken, parseKeyring } from "@/lib/crypto/token-cipher";
import { checkDatabase, shippedMigrations } from "@/lib/ops/database-readiness";
import { fail, pass, raw, type CheckResult, type RawEnv } from "./check-result";

export async function checkDatabaseReady(env: RawEnv): Promise<CheckResult> {
  const url = raw(env, "DATABASE_URL");
  if (!url) return fail("database", "DATABASE_URL is not set");
  const expected = shippedMigrations();
  const result = await checkDatabase(url, expected);
  return result.ready
    ? pass("database", `reachable, ${expected.length} migrations applied`)
    : fail("database", `DATABASE_URL: ${result.reason}`);
}

export async function checkTokenKeys(env: RawEnv): Promise<CheckResult> {
  const name = "token encryption keys";
  let keyring;
  try {
    keyring = parseKeyring(raw(env, "TOKEN_ENCRYPTION_KEYS"));
  } catch (error) {
    return fail(name, error instanceof Error ? error.message : "TOKEN_ENCRYPTION_KEYS is malformed");
  }
  const client = new pg.Client({ connectionString: raw(env, "DATABASE_URL"), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ id: string; ciphertext: string; keyId: string }>(
      `SELECT id, "accessTokenCiphertext" AS ciphertext, "accessTokenKeyId" AS "keyId"
       FROM "Connection" ORDER BY "tokenUpdatedAt" DESC LIMIT 1`,
    );
    const [row] = rows;
    if (!row) return pass(name, `${keyring.keys.size} key(s) parse; no stored token yet to decrypt`);
    try {
      decryptToken({ keyId: row.keyId, ciphertext: row.ciphertext }, keyring, row.id);
    } catch {
      return fail(
        name,
        `TOKEN_ENCRYPTION_KEYS cannot decrypt the latest stored token (key id "${row.keyId}")`,
      );
    }
    return pass(name, `decrypt the latest stored token (key id "${row.keyId}")`);
  } catch {
    return fail(name, "could not read a stored token (see the database check)");
  } finally {
    await client.end().catch(() => undefined);
  }
}
