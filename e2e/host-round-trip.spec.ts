// The host's whole round trip through /api/v1: its backend registers a webhook endpoint, imports a
// Finch token it already held, reports the 401 its own sync met, signs the customer's admin in with a
// login link, the admin reconnects on the dashboard, and the backend is told (signed events at the
// hooks inbox) and reads the new token, which works at the Finch stand-in while the old one does not.
import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import type { ApiConnection } from "../lib/api/contract/shared";
import { connectFrame, signInToProvider } from "./support/connect";
import {
  APP_WEBHOOK_URL,
  createSandboxConnection,
  finchWithToken,
  revokeOldTokensOnReauth,
  setConnectionStatus,
  setWebhookUrls,
} from "./support/finch-stand-in";
import { HOOKS_URL, inboxEvents, tellInboxSecret, type InboxEvent } from "./support/hooks-inbox";
import { callHostApi, seedApiKey } from "./support/host-api";
import { uniqueEmail } from "./support/mailbox";

const ALL_SCOPES = ["connections:read", "connections:write", "tokens:read", "links:write", "webhooks:write"];

let cleanup: { key: string; endpointId: string } | null = null;

test.beforeEach(async () => {
  // The admin's reconnect must hand the host a new token: the stand-in revokes the old one then.
  await revokeOldTokensOnReauth(true);
  await setWebhookUrls([APP_WEBHOOK_URL]);
});

test.afterEach(async () => {
  // The stand-in as the run started it: old tokens kept on reauth, Finch's webhook to the app.
  await revokeOldTokensOnReauth(false);
  await setWebhookUrls([APP_WEBHOOK_URL]);
  // Every endpoint receives every event: the next specs' events need not reach this one.
  if (cleanup) {
    const { key, endpointId } = cleanup;
    cleanup = null;
    expect((await callHostApi(key, `webhook-endpoints/${endpointId}`, undefined, "DELETE")).status).toBe(204);
  }
});

/** The events about this connection at the inbox path, oldest first, once `count` have arrived. */
async function eventsFor(path: string, connectionId: string, count: number): Promise<InboxEvent[]> {
  const about = async () =>
    (await inboxEvents(path)).filter((event) => event.data.connection_id === connectionId);
  await expect
    .poll(async () => (await about()).length, {
      message: `${count} event(s) about ${connectionId} at ${path}`,
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(count);
  return about();
}

test("the host imports a token, reports a 401, signs its admin in to reconnect, and reads the new token", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const key = await seedApiKey(ALL_SCOPES);
  const suffix = crypto.randomBytes(5).toString("hex");
  const hookPath = `/hooks/host-backend-${suffix}`;

  // 1. The host's backend registers its receiver and keeps the secret (the inbox verifies with it).
  const endpoint = await callHostApi<{ id: string; secret: string }>(key, "webhook-endpoints", {
    url: `${HOOKS_URL}${hookPath}`,
  });
  expect(endpoint.status).toBe(201);
  expect(endpoint.body.secret).toMatch(/^whsec_/);
  cleanup = { key, endpointId: endpoint.body.id };
  await tellInboxSecret(hookPath, endpoint.body.secret);

  // 2. A token the host already held comes in, with its customer's id and admin.
  const sandbox = await createSandboxConnection();
  const oldToken = sandbox.access_token;
  const externalId = `cust-${suffix}`;
  const admin = uniqueEmail("host-admin");
  const imported = await callHostApi<{ connection: ApiConnection }>(key, "connections/import", {
    organization: { external_id: externalId, name: "Round Trip Co" },
    access_token: oldToken,
    admin_emails: [admin],
  });
  expect(imported.status).toBe(201);
  const connection = imported.body.connection;
  expect(connection).toMatchObject({
    finch_connection_id: sandbox.connection_id,
    organization: { external_id: externalId, name: "Round Trip Co" },
    provider_id: "gusto",
    status: "connected",
  });
  const [importedEvent] = await eventsFor(hookPath, connection.id, 1);
  expect(importedEvent).toMatchObject({ type: "connection.imported", verified: true });

  // 3. The customer's payroll asks for a new sign-in. Finch tells nobody (its webhook is off): the
  // host's own sync meets the 401 and reports it, which breaks the connection here.
  await setWebhookUrls([]);
  await setConnectionStatus(sandbox.connection_id, "reauth");
  await expect(finchWithToken(oldToken).hris.company.retrieve()).rejects.toMatchObject({ status: 401 });
  const signal = await callHostApi<{ outcome: string; connection: ApiConnection }>(
    key,
    `connections/${connection.id}/signals`,
    { type: "reauthenticate_user" },
  );
  expect(signal.status).toBe(202);
  expect(signal.body).toMatchObject({
    outcome: "changed",
    connection: { status: "reauth", detection_path: "host_api" },
  });
  const [, broken] = await eventsFor(hookPath, connection.id, 2);
  expect(broken).toMatchObject({
    type: "connection.broken",
    verified: true,
    data: { status: "reauth", detection_path: "host_api", finch_connection_id: sandbox.connection_id },
  });

  // 4. The host's "Manage payroll connection" button: a login link signs the admin in, the banner
  // shows the broken connection, and they reconnect through Finch Connect.
  const link = await callHostApi<{ url: string }>(key, "login-links", {
    organization_external_id: externalId,
    email: admin,
  });
  expect(link.status).toBe(201);
  await page.goto(link.body.url);
  await expect(page.getByRole("heading", { name: "Sign in to Round Trip Co" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Payroll connections" })).toBeVisible();
  const banner = page.getByRole("alert").filter({ hasText: "needs you to reconnect" });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("Gusto");
  await banner.getByRole("button", { name: /^Reconnect/ }).click();
  await expect(connectFrame(page).getByLabel("Username")).toBeVisible();
  await signInToProvider(page);
  await expect(page.getByRole("status").filter({ hasText: "Reconnected" })).toBeVisible();
  await expect(banner).toHaveCount(0);

  // 5. The host is told, reads the new token, and it works at Finch; the old one is revoked.
  const events = await eventsFor(hookPath, connection.id, 4);
  expect(events.map((event) => event.type).sort()).toEqual([
    "connection.broken",
    "connection.imported",
    "connection.restored",
    "connection.token_rotated",
  ]);
  expect(events.every((event) => event.verified === true)).toBe(true);
  expect(new Set(events.map((event) => event.webhookId)).size).toBe(4);
  const restored = events.find((event) => event.type === "connection.restored");
  expect(restored?.data).toMatchObject({ status: "connected", how: "reconnected" });
  const rotated = events.find((event) => event.type === "connection.token_rotated");
  expect(rotated?.data).toMatchObject({ status: "connected" });

  const read = await callHostApi<{ access_token: string; token_rotated_at: string; status: string }>(
    key,
    `connections/${connection.id}/access-token`,
  );
  expect(read.status).toBe(200);
  expect(read.body.status).toBe("connected");
  const newToken = read.body.access_token;
  expect(newToken).not.toBe(oldToken);
  expect(rotated?.data.token_rotated_at).toBe(read.body.token_rotated_at);
  expect(Date.parse(read.body.token_rotated_at)).toBeGreaterThan(Date.parse(connection.token_rotated_at));
  const finch = finchWithToken(newToken);
  expect((await finch.account.introspect()).connection_id).toBe(sandbox.connection_id);
  expect((await finch.hris.company.retrieve()).id).toBe(sandbox.company_id);
  await expect(finchWithToken(oldToken).account.introspect()).rejects.toMatchObject({ status: 401 });
  // Ids and status only: neither token ever travelled in an event.
  for (const event of events) {
    expect(event.body).not.toContain(oldToken);
    expect(event.body).not.toContain(newToken);
  }
});
