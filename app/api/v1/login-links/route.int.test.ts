import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/login-links/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashLoginLinkToken } from "@/lib/login-links/login-link-token";
import { apiKeyForTests, callApi } from "@/test/api-test-kit";
import { captureLogs } from "@/test/capture-logs";
import { seedOrganization, uniqueSuffix } from "@/test/finch-test-kit";

const url = "/api/v1/login-links";

async function organizationWithExternalId() {
  const externalId = `cust-${uniqueSuffix()}`;
  const organization = await seedOrganization();
  await db().organization.update({ where: { id: organization.id }, data: { externalId } });
  return { ...organization, externalId };
}

describe("POST /api/v1/login-links", () => {
  it("answers 201 with a link under APP_URL valid 5 minutes, storing only its hash", async () => {
    const organization = await organizationWithExternalId();
    const { key, id: keyId } = await apiKeyForTests(["links:write"]);
    const logs = captureLogs();
    const before = Date.now();
    const answer = await callApi<{ url: string; expires_at: string }>(POST, {
      url,
      key,
      body: {
        organization_external_id: organization.externalId,
        email: "  Pat.Doe@Example.COM ",
        return_to: "/connections?tab=1",
      },
    }).finally(logs.restore);

    expect(answer.status).toBe(201);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.body.url.startsWith(`${env().APP_URL.replace(/\/$/, "")}/login-link/`)).toBe(true);
    const expiresIn = Date.parse(answer.body.expires_at) - before;
    expect(expiresIn).toBeGreaterThan(299_000);
    expect(expiresIn).toBeLessThanOrEqual(301_000);
    const token = answer.body.url.split("/login-link/")[1];
    const stored = await db().loginLink.findUniqueOrThrow({
      where: { tokenHash: hashLoginLinkToken(token) },
    });
    expect(stored).toMatchObject({
      organizationId: organization.id,
      email: "pat.doe@example.com",
      returnTo: "/connections?tab=1",
      apiKeyId: keyId,
      usedAt: null,
    });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(logs.text()).toContain(keyId);
    expect(logs.text()).not.toContain(token);
    expect(logs.text()).not.toContain(key);
  });

  it("refuses a missing or unknown key (401) and a key without links:write (403)", async () => {
    const body = { organization_external_id: "x", email: "a@example.com" };
    expect(await callApi(POST, { url, key: null, body })).toMatchObject({
      status: 401,
      body: { error: { code: "unauthorized" } },
    });
    expect((await callApi(POST, { url, key: `pck_${"y".repeat(43)}`, body })).status).toBe(401);
    const { key } = await apiKeyForTests(["connections:read", "tokens:read"]);
    expect(await callApi(POST, { url, key, body })).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden", message: expect.stringContaining("links:write") } },
    });
  });

  it("answers 400 naming the field for malformed JSON, a bad email or a return_to that is not a local path", async () => {
    const organization = await organizationWithExternalId();
    const { key } = await apiKeyForTests(["links:write"]);
    const malformed = await callApi(POST, { url, key, body: "{not json" });
    expect(malformed).toMatchObject({
      status: 400,
      body: { error: { code: "invalid_request", message: expect.stringContaining("JSON") } },
    });
    const good = { organization_external_id: organization.externalId, email: "a@example.com" };
    const cases: [object, string][] = [
      [{ ...good, email: "Pat <pat@example.com>" }, "email"],
      [{ ...good, email: "not-an-address" }, "email"],
      [{ ...good, email: 42 }, "email"],
      [{ organization_external_id: organization.externalId }, "email"],
      [{ ...good, organization_external_id: "" }, "organization_external_id"],
      [{ ...good, organization_external_id: "has space" }, "organization_external_id"],
    ];
    for (const returnTo of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "/%5Cevil",
      "javascript:alert(1)",
      `${env().APP_URL}/connections`,
      "connections",
      "/a\u0000b",
    ])
      cases.push([{ ...good, return_to: returnTo }, "return_to"]);
    for (const [body, field] of cases) {
      const answer = await callApi<{ error: { code: string; message: string } }>(POST, { url, key, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe("invalid_request");
      expect(answer.body.error.message.startsWith(`${field}:`), answer.body.error.message).toBe(true);
    }
    expect(await db().loginLink.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("answers 404 for an organization_external_id nobody has", async () => {
    const { key } = await apiKeyForTests(["links:write"]);
    const answer = await callApi(POST, {
      url,
      key,
      body: { organization_external_id: `missing-${uniqueSuffix()}`, email: "a@example.com" },
    });
    expect(answer).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });
});
