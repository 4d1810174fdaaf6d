// A key's use is counted in the process and written once a second: the process's count reaches its own
// usage row (and another instance's rows count against this one's limit), `lastUsedAt` moves, rows of
// windows long over are pruned, and the token read, which checks its key inside its own statement, obeys
// the same limit exactly, however its requests interleave.
import { describe, expect, it } from "vitest";
import { POST as readToken } from "@/app/api/v1/connections/[id]/access-token/route";
import { GET as list } from "@/app/api/v1/connections/route";
import { flushApiKeyUsage, usageInstance, usageWindow } from "@/lib/api-keys/api-key-usage";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { apiKeyForTests, callApi } from "@/test/api-test-kit";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";

const finch = finchForTestFile();

/** Waits, when the clock's minute is about to turn, so a test's calls share one window. */
async function startOfMinute(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
}

describe("API key usage", () => {
  it("reaches this process's usage row and lastUsedAt on the flush, which prunes windows long over", async () => {
    await startOfMinute();
    const { key, id } = await apiKeyForTests(["connections:read"]);
    const old = { keyId: id, windowStart: new Date(Date.now() - 10 * 60_000), instance: "gone" };
    await db().apiKeyUsage.create({ data: { ...old, count: 7 } });
    const before = new Date();
    for (let i = 0; i < 3; i++) {
      expect((await callApi(list, { url: "/api/v1/connections?limit=1", key })).status).toBe(200);
    }
    await flushApiKeyUsage();
    const windowStart = usageWindow(before).start;
    const own = { keyId: id, windowStart, instance: usageInstance() };
    expect(await db().apiKeyUsage.findUnique({ where: { keyId_windowStart_instance: own } })).toMatchObject({
      count: 3,
    });
    const apiKey = await db().apiKey.findUniqueOrThrow({ where: { id } });
    expect(apiKey.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
    expect(await db().apiKeyUsage.count({ where: old })).toBe(0);
    // A second flush with nothing new writes nothing and keeps the total.
    await flushApiKeyUsage();
    expect(await db().apiKeyUsage.findUnique({ where: { keyId_windowStart_instance: own } })).toMatchObject({
      count: 3,
    });
  });

  it("counts another instance's requests: a window full elsewhere refuses the list and the token read", async () => {
    await startOfMinute();
    const organization = await seedOrganization();
    const connection = await seedConnection(finch(), organization.id);
    const { key, id } = await apiKeyForTests(["tokens:read", "connections:read"]);
    const { start } = usageWindow(new Date());
    // Another instance has written this minute's whole allowance for the key.
    await db().apiKeyUsage.create({
      data: { keyId: id, windowStart: start, instance: "other", count: env().API_KEY_REQUESTS_PER_MINUTE },
    });
    const listed = await callApi(list, { url: "/api/v1/connections?limit=1", key });
    expect(listed).toMatchObject({ status: 429, body: { error: { code: "rate_limited" } } });
    const tokenRead = await callApi(readToken, {
      url: `/api/v1/connections/${connection.id}/access-token`,
      method: "POST",
      key,
      params: { id: connection.id },
    });
    expect(tokenRead).toMatchObject({ status: 429, body: { error: { code: "rate_limited" } } });
    expect(Number(tokenRead.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(tokenRead.body)).not.toContain(connection.accessToken);
    // A refused read is not a read: nothing on the timeline.
    expect(
      await db().connectionEvent.count({ where: { connectionId: connection.id, type: "token_read" } }),
    ).toBe(0);
  });

  it("lets the token read through up to the limit within one process, then refuses it", async () => {
    await startOfMinute();
    const organization = await seedOrganization();
    const connection = await seedConnection(finch(), organization.id);
    const { key, id } = await apiKeyForTests(["tokens:read"]);
    const { start } = usageWindow(new Date());
    const limit = env().API_KEY_REQUESTS_PER_MINUTE;
    // All but three of the minute's allowance is used elsewhere; the next reads race in this process.
    await db().apiKeyUsage.create({
      data: { keyId: id, windowStart: start, instance: "other", count: limit - 3 },
    });
    const call = () =>
      callApi(readToken, {
        url: `/api/v1/connections/${connection.id}/access-token`,
        method: "POST",
        key,
        params: { id: connection.id },
      });
    // The first read teaches this process the key's id; the others run concurrently.
    const first = await call();
    const rest = await Promise.all([call(), call(), call()]);
    expect([first, ...rest].map((answer) => answer.status).sort()).toEqual([200, 200, 200, 429]);
    const reads = await db().connectionEvent.count({
      where: { connectionId: connection.id, type: "token_read" },
    });
    expect(reads).toBe(3);
  });
});
