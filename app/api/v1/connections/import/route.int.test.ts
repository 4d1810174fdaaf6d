// POST /api/v1/connections/import, single form: against the Finch stand-in and the Resend stand-in.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/connections/import/route";
import { readAccessToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { createWebhookEndpoint } from "@/lib/host-events/manage-webhook-endpoints";
import { resetFinchBudget } from "@/lib/finch/budget/reset-finch-budget";
import { apiKeyForTests, callApi } from "@/test/api-test-kit";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { uniqueSuffix } from "@/test/finch-test-kit";
import { seedMultiEntityConnection } from "@/test/multi-entity-kit";
import { seedMember, startMailForTests, type MailForTests } from "@/test/notifications-test-kit";

let mail: MailForTests;
beforeAll(async () => {
  mail = await startMailForTests();
});
afterAll(() => mail.close());
const finch = finchForTestFile({ resetBudget: true });
beforeEach(() => finch().control("DELETE", "/_emulator/faults"));

type Answer = {
  connection: {
    id: string;
    finch_connection_id: string;
    organization: { id: string; external_id: string | null; name: string };
    provider_id: string;
    status: string;
    products: string[];
    entities: { finch_entity_id: string; status: string }[];
  };
};
type ErrorAnswer = { error: { code: string; message: string } };

const url = "/api/v1/connections/import";
const writer = () => apiKeyForTests(["connections:write"]);
const sandbox = () => finch().sdk.sandbox.connections.create({ provider_id: "gusto", employee_size: 3 });
const item = (externalId: string, accessToken: string, adminEmails: string[] = []) => ({
  organization: { external_id: externalId, name: `Customer ${externalId}` },
  access_token: accessToken,
  admin_emails: adminEmails,
});
const eventsOf = (connectionId: string) =>
  db().connectionEvent.findMany({ where: { connectionId }, orderBy: { createdAt: "asc" } });

describe("POST /api/v1/connections/import (one connection)", () => {
  it("imports a live token: a new organization, the connection stored encrypted, each admin invited once", async () => {
    const { key } = await writer();
    const created = await sandbox();
    const externalId = `cus_${uniqueSuffix()}`;
    const admin = `admin-${uniqueSuffix()}@example.com`;

    const answer = await callApi<Answer>(importRoute, {
      url,
      key,
      body: item(externalId, created.access_token, [admin, admin.toUpperCase()]),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.body.connection).toMatchObject({
      finch_connection_id: created.connection_id,
      organization: { external_id: externalId, name: `Customer ${externalId}` },
      provider_id: "gusto",
      status: "connected",
      products: created.products,
      entities: [],
    });
    expect(JSON.stringify(answer.body)).not.toContain(created.access_token);
    const { id, organization } = answer.body.connection;
    const row = await db().connection.findUniqueOrThrow({
      where: { id },
      select: { accessTokenCiphertext: true },
    });
    expect(row.accessTokenCiphertext).not.toContain(created.access_token);
    expect(await readAccessToken(id, organization.id)).toBe(created.access_token);
    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual(["imported"]);
    expect(events[0].detail).toContain("API key");
    expect(await mail.messagesTo(admin)).toHaveLength(1);

    // The same token again: one row, nothing new on the timeline, no second email.
    const again = await callApi<Answer>(importRoute, {
      url,
      key,
      body: item(externalId, created.access_token, [admin]),
    });
    expect(again.status).toBe(200);
    expect(again.body.connection.id).toBe(id);
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(["imported"]);
    expect(await mail.messagesTo(admin)).toHaveLength(1);
    expect(await db().connection.count({ where: { finchConnectionId: created.connection_id } })).toBe(1);
  });

  it("takes a newer token of the same Finch connection and records that it was replaced through the API", async () => {
    const { key } = await writer();
    const endpoint = await createWebhookEndpoint({ url: "http://127.0.0.1:9/hooks/imports" });
    const created = await sandbox();
    const externalId = `cus_${uniqueSuffix()}`;
    const first = await callApi<Answer>(importRoute, {
      url,
      key,
      body: item(externalId, created.access_token),
    });
    const newer = await finch().sdk.sandbox.connections.accounts.create({
      company_id: created.company_id ?? "",
      provider_id: "gusto",
    });
    expect(newer.connection_id).toBe(created.connection_id);

    const second = await callApi<Answer>(importRoute, {
      url,
      key,
      body: item(externalId, newer.access_token),
    });
    expect(second.status).toBe(200);
    const { id, organization } = first.body.connection;
    expect(second.body.connection.id).toBe(id);
    expect(await readAccessToken(id, organization.id)).toBe(newer.access_token);
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(["imported", "token_replaced"]);

    // connection.imported once per stored token: the same token again announces nothing new.
    await callApi<Answer>(importRoute, { url, key, body: item(externalId, newer.access_token) });
    const announced = await db().hostEventOutbox.findMany({
      where: { connectionId: id, endpointId: endpoint.id },
    });
    expect(announced.map((row) => row.event)).toEqual(["connection.imported", "connection.imported"]);
    expect(JSON.stringify(announced.map((row) => row.payload))).not.toContain(newer.access_token);
    await db().hostWebhookEndpoint.delete({ where: { id: endpoint.id } });
  });

  it("keeps an existing organization's name and does not invite its members", async () => {
    const { key } = await writer();
    const externalId = `cus_${uniqueSuffix()}`;
    const org = await db().organization.create({ data: { name: "Renamed here", externalId } });
    const member = await seedMember(org.id, "owner");
    const answer = await callApi<Answer>(importRoute, {
      url,
      key,
      body: item(externalId, (await sandbox()).access_token, [member.email]),
    });
    expect(answer.status).toBe(201);
    expect(answer.body.connection.organization).toEqual({
      id: org.id,
      external_id: externalId,
      name: "Renamed here",
    });
    expect(await db().invitation.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await mail.messagesTo(member.email)).toHaveLength(0);
  });

  it("refuses to move a connection to another external_id (409) and leaves it where it was", async () => {
    const { key } = await writer();
    const created = await sandbox();
    const owner = `cus_${uniqueSuffix()}`;
    const first = await callApi<Answer>(importRoute, { url, key, body: item(owner, created.access_token) });
    const other = `cus_${uniqueSuffix()}`;
    const moved = await callApi<ErrorAnswer>(importRoute, {
      url,
      key,
      body: item(other, created.access_token),
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error).toMatchObject({ code: "conflict", message: expect.stringContaining(owner) });
    const row = await db().connection.findUniqueOrThrow({ where: { id: first.body.connection.id } });
    expect(row.organizationId).toBe(first.body.connection.organization.id);
    expect(await db().organization.count({ where: { externalId: other } })).toBe(0);
  });

  it("refuses a dead token with Finch's own words (422) and stores nothing", async () => {
    const { key } = await writer();
    const created = await sandbox();
    await finch().withToken(created.access_token).account.disconnect();
    for (const token of [created.access_token, `not-a-token-${uniqueSuffix()}`]) {
      const externalId = `cus_${uniqueSuffix()}`;
      const answer = await callApi<ErrorAnswer>(importRoute, { url, key, body: item(externalId, token) });
      expect(answer.status).toBe(422);
      expect(answer.body.error.code).toBe("token_rejected");
      expect(answer.body.error.message).toMatch(/Finch refused this access token: 401 invalid_token_error/);
      expect(answer.body.error.message).not.toContain(token);
      expect(await db().organization.count({ where: { externalId } })).toBe(0);
    }
  });

  it("answers 503 with Retry-After when Finch is down or rate-limits the check", async () => {
    const { key } = await writer();
    const created = await sandbox();
    await finch().control("POST", "/_emulator/faults", { path: "/introspect", status: 503, count: 1 });
    const down = await callApi<ErrorAnswer>(importRoute, {
      url,
      key,
      body: item(`cus_${uniqueSuffix()}`, created.access_token),
    });
    expect(down).toMatchObject({ status: 503, body: { error: { code: "upstream_unavailable" } } });
    expect(Number(down.headers.get("retry-after"))).toBeGreaterThan(0);

    await finch().control("POST", "/_emulator/faults", {
      path: "/introspect",
      status: 429,
      count: 1,
      retryAfterSeconds: 7,
    });
    const limited = await callApi<ErrorAnswer>(importRoute, {
      url,
      key,
      body: item(`cus_${uniqueSuffix()}`, created.access_token),
    });
    expect(limited).toMatchObject({ status: 503, body: { error: { code: "upstream_unavailable" } } });
    expect(limited.headers.get("retry-after")).toBe("7");
    await resetFinchBudget();
  });

  it("imports a broken connection as broken, and a multi-entity token with its companies", async () => {
    const { key } = await writer();
    const created = await sandbox();
    await finch()
      .withToken(created.access_token)
      .sandbox.connections.accounts.update({ connection_status: "reauth" });
    const broken = await callApi<Answer>(importRoute, {
      url,
      key,
      body: item(`cus_${uniqueSuffix()}`, created.access_token),
    });
    expect(broken.body.connection.status).toBe("reauth");

    const scratch = await db().organization.create({ data: { name: "Scratch" } });
    const multi = await seedMultiEntityConnection(finch(), scratch.id);
    await db().connection.delete({ where: { id: multi.id } });
    const answer = await callApi<Answer>(importRoute, {
      url,
      key,
      body: item(`cus_${uniqueSuffix()}`, multi.accessToken),
    });
    expect(answer.status).toBe(201);
    expect(answer.body.connection.entities.map((e) => e.status)).toEqual([
      "connected",
      "connected",
      "connected",
    ]);
  });

  it("refuses a missing or unknown key (401), a key without connections:write (403) and bad bodies (400)", async () => {
    const body = item(`cus_${uniqueSuffix()}`, "x");
    expect((await callApi(importRoute, { url, key: null, body })).status).toBe(401);
    expect((await callApi(importRoute, { url, key: `pck_${"x".repeat(43)}`, body })).status).toBe(401);
    const reader = await apiKeyForTests(["connections:read"]);
    expect(await callApi(importRoute, { url, key: reader.key, body })).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden" } },
    });
    const { key } = await writer();
    const good = item(`cus_${uniqueSuffix()}`, "tok");
    const cases: [unknown, string][] = [
      ["{not json", "not valid JSON"],
      [{ organization: good.organization }, "access_token: is required"],
      [{ ...good, organization: { external_id: "has space", name: "Acme" } }, "organization.external_id"],
      [{ ...good, admin_emails: ["not an address"] }, "admin_emails.0"],
      [{ items: [] }, "items"],
      [{ items: [good, { ...good, access_token: "" }] }, "items.1.access_token"],
      [{ items: [good], access_token: "tok" }, "access_token: send either items or a single import"],
    ];
    for (const [bad, field] of cases) {
      const answer = await callApi<ErrorAnswer>(importRoute, { url, key, body: bad });
      expect(answer.status, field).toBe(400);
      expect(answer.body.error.code).toBe("invalid_request");
      expect(answer.body.error.message).toContain(field);
    }
  });
});
