import { describe, expect, it } from "vitest";
import { GET as list } from "@/app/api/v1/connections/route";
import { GET as getOne } from "@/app/api/v1/connections/[id]/route";
import { revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { apiKeyForTests, callApi } from "@/test/api-test-kit";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization, uniqueSuffix } from "@/test/finch-test-kit";

const finch = finchForTestFile();

type Page = {
  data: { id: string; status: string; organization: { external_id: string | null } }[];
  next_cursor: string | null;
};

describe("GET /api/v1/connections", () => {
  it("lists by the host's organization id and status, a page at a time", async () => {
    const externalId = `cust-${uniqueSuffix()}`;
    const organization = await seedOrganization();
    await db().organization.update({ where: { id: organization.id }, data: { externalId } });
    const seeded = [];
    for (let i = 0; i < 3; i++) seeded.push(await seedConnection(finch(), organization.id));
    await applyConnectionSignal({ connectionId: seeded[1].id, finchStatus: "reauth", source: "sweep" });
    const { key } = await apiKeyForTests(["connections:read"]);

    const url = `/api/v1/connections?organization_external_id=${externalId}&limit=2`;
    const first = await callApi<Page>(list, { url, key });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data[0].organization.external_id).toBe(externalId);
    const second = await callApi<Page>(list, { url: `${url}&cursor=${first.body.next_cursor}`, key });
    expect(second.body.data).toHaveLength(1);
    expect(second.body.next_cursor).toBeNull();
    expect([...first.body.data, ...second.body.data].map((c) => c.id).sort()).toEqual(
      seeded.map((c) => c.id).sort(),
    );

    const broken = await callApi<Page>(list, { url: `${url}&status=reauth`, key });
    expect(broken.body.data.map((c) => c.id)).toEqual([seeded[1].id]);
  });

  it("refuses a missing, unknown or revoked key (401), a missing scope (403) and bad filters (400)", async () => {
    const url = "/api/v1/connections";
    expect((await callApi(list, { url, key: null })).body).toEqual({
      error: { code: "unauthorized", message: expect.stringContaining("Bearer") },
    });
    expect((await callApi(list, { url, key: `pck_${"x".repeat(43)}` })).status).toBe(401);
    const revoked = await apiKeyForTests();
    await revokeApiKey(revoked.id);
    expect((await callApi(list, { url, key: revoked.key })).status).toBe(401);
    const { key } = await apiKeyForTests(["tokens:read"]);
    const forbidden = await callApi(list, { url, key });
    expect(forbidden).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    const reader = await apiKeyForTests(["connections:read"]);
    for (const query of ["limit=0", "limit=x", "cursor=%00", "status=NOT%20A%20WORD"]) {
      const bad = await callApi(list, { url: `${url}?${query}`, key: reader.key });
      expect(bad, query).toMatchObject({ status: 400, body: { error: { code: "invalid_request" } } });
    }
  });
});

describe("GET /api/v1/connections/{id}", () => {
  it("answers one connection, 404 for an unknown id and 400 for an id of the wrong shape", async () => {
    const organization = await seedOrganization();
    const connection = await seedConnection(finch(), organization.id);
    const { key } = await apiKeyForTests(["connections:read"]);
    const found = await callApi<{ connection: Record<string, unknown> }>(getOne, {
      url: `/api/v1/connections/${connection.id}`,
      key,
      params: { id: connection.id },
    });
    expect(found.status).toBe(200);
    expect(found.body.connection).toMatchObject({
      id: connection.id,
      status: "connected",
      organization: { id: organization.id, external_id: null },
      entities: [],
    });
    expect(JSON.stringify(found.body)).not.toMatch(/token"|ciphertext/i);
    const missing = await callApi(getOne, { url: "/api/v1/connections/nope", key, params: { id: "nope" } });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    const malformed = await callApi(getOne, {
      url: "/api/v1/connections/x",
      key,
      params: { id: "a\u0000b" },
    });
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: "invalid_request" } } });
  });
});
