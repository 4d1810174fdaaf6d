// The key's own limits and secrecy, through real route handlers: a per-key rate limit answered 429 with
// Retry-After, and no key in any log line, even when the request fails on our side.
import { afterEach, describe, expect, it } from "vitest";
import { POST as readToken } from "@/app/api/v1/connections/[id]/access-token/route";
import { GET as list } from "@/app/api/v1/connections/route";
import { db } from "@/lib/db";
import { apiKeyForTests, callApi } from "@/test/api-test-kit";
import { captureLogs } from "@/test/capture-logs";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";

const LIMIT = 5;
// Read once by env(), before any handler runs in this file.
process.env.API_KEY_REQUESTS_PER_MINUTE = String(LIMIT);

const finch = finchForTestFile();
let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe("API keys: rate limit and logs", () => {
  it("answers 429 with Retry-After past the per-key limit, and other keys are not affected", async () => {
    const busy = await apiKeyForTests(["connections:read"]);
    const other = await apiKeyForTests(["connections:read"]);
    const url = "/api/v1/connections?limit=1";
    // The window is the clock's minute: start at its beginning so all calls share one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await callApi(list, { url, key: busy.key })).status);
    expect(statuses).toEqual(Array(LIMIT).fill(200));
    const limited = await callApi(list, { url, key: busy.key });
    expect(limited).toMatchObject({ status: 429, body: { error: { code: "rate_limited" } } });
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await callApi(list, { url, key: other.key })).status).toBe(200);
  });

  it("never writes a key in the logs, when a request succeeds, is refused or fails on our side", async () => {
    const logs = captureLogs();
    restore = logs.restore;
    const organization = await seedOrganization();
    const connection = await seedConnection(finch(), organization.id);
    const { key } = await apiKeyForTests(["tokens:read", "connections:read"]);
    const call = (id: string, callKey: string | null) =>
      callApi(readToken, {
        url: `/api/v1/connections/${id}/access-token`,
        method: "POST",
        key: callKey,
        params: { id },
      });
    expect((await call(connection.id, key)).status).toBe(200);
    const unknown = `pck_${"q".repeat(43)}`;
    expect((await call(connection.id, unknown)).status).toBe(401);
    // A token that no longer decrypts: the read fails on our side (500) and the failure is logged.
    await db().connection.update({
      where: { id: connection.id },
      data: { accessTokenCiphertext: "AAAA" },
    });
    const failed = await call(connection.id, key);
    expect(failed).toMatchObject({ status: 500, body: { error: { code: "internal" } } });
    expect(JSON.stringify(failed.body)).not.toContain(key);
    const text = logs.text();
    expect(text).toContain("api readAccessToken failed");
    for (const secret of [key, unknown, key.slice(4), connection.accessToken])
      expect(text).not.toContain(secret);
  });
});
