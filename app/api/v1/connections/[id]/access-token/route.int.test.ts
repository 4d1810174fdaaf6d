import { describe, expect, it } from "vitest";
import { POST as readToken } from "@/app/api/v1/connections/[id]/access-token/route";
import { replaceAccessToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { apiKeyForTests, callApi } from "@/test/api-test-kit";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";

const finch = finchForTestFile();

type TokenAnswer = { access_token: string; token_rotated_at: string; status: string };

function read(id: string, key: string | null, body?: unknown) {
  return callApi<TokenAnswer>(readToken, {
    url: `/api/v1/connections/${id}/access-token`,
    method: "POST",
    key,
    body,
    params: { id },
  });
}

describe("POST /api/v1/connections/{id}/access-token", () => {
  it("answers the stored token, which works at Finch, uncached, and puts the read on the timeline naming the key", async () => {
    const organization = await seedOrganization();
    const connection = await seedConnection(finch(), organization.id);
    const { key, id: keyId } = await apiKeyForTests(["tokens:read"]);
    const apiKey = await db().apiKey.findUniqueOrThrow({ where: { id: keyId } });

    const answer = await read(connection.id, key);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    // The proxy skips /api/v1: the route sends the JSON security headers itself.
    expect(answer.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(answer.headers.get("x-frame-options")).toBe("DENY");
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.body).toMatchObject({ access_token: connection.accessToken, status: "connected" });

    // The token read through the API works at the Finch stand-in, through the SDK.
    const finchClient = finch().withToken(answer.body.access_token);
    const introspection = await finchClient.account.introspect();
    expect(introspection.connection_id).toBe(connection.finchConnectionId);
    const company = await finchClient.hris.company.retrieve();
    expect(company.id).toBeTruthy();

    const events = await db().connectionEvent.findMany({
      where: { connectionId: connection.id, type: "token_read" },
      select: { detail: true },
    });
    expect(events).toHaveLength(1);
    expect(events[0].detail).toBe(`Read with the API key "${apiKey.name}" (${apiKey.prefix}…).`);
    expect(events[0].detail).not.toContain(key);
    expect(events[0].detail).not.toContain(connection.accessToken);

    // After a rotation the next read answers the new token and its time.
    const rotated = await finch().sdk.sandbox.connections.create({ provider_id: "gusto" });
    await db().$transaction((tx) => replaceAccessToken(tx, connection.id, rotated.access_token));
    const next = await read(connection.id, key);
    expect(next.body.access_token).toBe(rotated.access_token);
    expect(Date.parse(next.body.token_rotated_at)).toBeGreaterThanOrEqual(
      Date.parse(answer.body.token_rotated_at),
    );
    expect(
      await db().connectionEvent.count({ where: { connectionId: connection.id, type: "token_read" } }),
    ).toBe(2);
  });

  it("refuses no key, a wrong key and a key without tokens:read; 404 for an unknown id, 400 for a bad one", async () => {
    const organization = await seedOrganization();
    const connection = await seedConnection(finch(), organization.id);
    expect((await read(connection.id, null)).status).toBe(401);
    expect((await read(connection.id, `pck_${"z".repeat(43)}`)).status).toBe(401);
    const reader = await apiKeyForTests(["connections:read", "connections:write"]);
    const forbidden = await read(connection.id, reader.key);
    expect(forbidden).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(forbidden.headers.get("x-frame-options")).toBe("DENY");
    expect(JSON.stringify(forbidden.body)).not.toContain(connection.accessToken);
    const { key } = await apiKeyForTests(["tokens:read"]);
    expect((await read("cnope0000000000000000000", key)).status).toBe(404);
    expect((await read("a\u0000b", key)).status).toBe(400);
    // The key is judged before the input, as on every endpoint.
    expect((await read("a\u0000b", null)).status).toBe(401);
    expect((await read("a\u0000b", reader.key)).status).toBe(403);
    expect(
      await db().connectionEvent.count({ where: { connectionId: connection.id, type: "token_read" } }),
    ).toBe(0);
  });
});
