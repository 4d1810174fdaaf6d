import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/finch/webhook/route";
import { db } from "@/lib/db";
import {
  accountUpdated,
  seedConnection,
  seedOrganization,
  signedWebhookRequest,
  startFinchForTests,
  type FinchForTests,
} from "@/test/finch-test-kit";
import { waitFor } from "@/test/wait-for";
import { connectionState, sendWebhook } from "@/test/webhook-test-kit";

let finch: FinchForTests;
let forwarder: http.Server;
let forwarderUrl: string;

// Stands in for the deployed app: hands the stand-in's real deliveries to the route handler.
async function startForwarder(): Promise<string> {
  forwarder = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string") headers.set(name, value);
      const response = await POST(
        new Request("http://localhost/api/finch/webhook", {
          method: "POST",
          headers,
          body: Buffer.concat(chunks),
        }),
      );
      res.writeHead(response.status, { "content-type": "application/json" });
      res.end(await response.text());
    });
  });
  await new Promise<void>((resolve) => forwarder.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(forwarder.address() as AddressInfo).port}/api/finch/webhook`;
}

beforeAll(async () => {
  forwarderUrl = await startForwarder();
  // Deliveries stay off except in the end-to-end test: a stray "connected" from a connection's
  // creation must not race the signed requests the other tests make.
  finch = await startFinchForTests();
});

afterAll(async () => {
  await finch.close();
  await new Promise<void>((resolve) => forwarder.close(() => resolve()));
  await db().$disconnect();
});

async function newConnection() {
  const org = await seedOrganization();
  return seedConnection(finch, org.id);
}

describe("POST /api/finch/webhook", () => {
  it("moves a connection to needs_reauth, records the event and opens one incident", async () => {
    const connection = await newConnection();
    const eventId = `msg_break_${connection.id}`;
    const answer = await sendWebhook(
      signedWebhookRequest(accountUpdated(connection.finchConnectionId, "reauth"), { eventId }),
    );
    expect(answer).toEqual({ status: 200, body: { ok: true, changed: true } });

    const after = await connectionState(connection.id);
    expect(after).toMatchObject({ status: "needs_reauth", finchStatus: "reauth", statusSource: "webhook" });
    expect(after.incidents).toHaveLength(1);
    expect(after.incidents[0]).toMatchObject({ source: "webhook", resolvedAt: null });
    expect(after.events).toEqual([{ type: "broken", source: "webhook" }]);
    expect(await db().finchWebhookEvent.findUnique({ where: { id: eventId } })).toMatchObject({
      eventType: "account.updated",
      connectionId: connection.id,
    });
  });

  it("answers a redelivered event id as a duplicate and changes nothing, even when deliveries race", async () => {
    const connection = await newConnection();
    const eventId = `msg_dup_${connection.id}`;
    const payload = accountUpdated(connection.finchConnectionId, "reauth");
    const answers = await Promise.all([
      sendWebhook(signedWebhookRequest(payload, { eventId })),
      sendWebhook(signedWebhookRequest(payload, { eventId })),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.filter((a) => a.body.duplicate === true)).toHaveLength(1);

    // Same id, different content: still the same event, so still nothing happens.
    const again = await sendWebhook(
      signedWebhookRequest(accountUpdated(connection.finchConnectionId, "connected"), { eventId }),
    );
    expect(again).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    const after = await connectionState(connection.id);
    expect(after.status).toBe("needs_reauth");
    expect(after.incidents).toHaveLength(1);
    expect(after.events).toHaveLength(1);
  });

  it("resolves the incident when Finch reports the connection connected again", async () => {
    const connection = await newConnection();
    await sendWebhook(signedWebhookRequest(accountUpdated(connection.finchConnectionId, "reauth")));
    const answer = await sendWebhook(
      signedWebhookRequest(accountUpdated(connection.finchConnectionId, "connected")),
    );
    expect(answer.body).toEqual({ ok: true, changed: true });
    const after = await connectionState(connection.id);
    expect(after).toMatchObject({ status: "healthy", finchStatus: "connected" });
    expect(after.incidents).toHaveLength(1);
    expect(after.incidents[0].resolvedAt).toBeInstanceOf(Date);
    expect(after.events.map((e) => e.type)).toEqual(["broken", "recovered"]);
  });

  it("accepts authentication_method as a string (docs) and as an object (SDK) and keeps it", async () => {
    const connection = await newConnection();
    await sendWebhook(
      signedWebhookRequest(accountUpdated(connection.finchConnectionId, "connected", "oauth")),
    );
    expect((await connectionState(connection.id)).authenticationType).toBe("oauth");
    await sendWebhook(
      signedWebhookRequest(
        accountUpdated(connection.finchConnectionId, "reauth", { type: "api_token", supported_fields: {} }),
      ),
    );
    expect(await connectionState(connection.id)).toMatchObject({
      authenticationType: "api_token",
      status: "needs_reauth",
    });
    // Missing or odd values leave the stored method alone.
    await sendWebhook(signedWebhookRequest(accountUpdated(connection.finchConnectionId, "reauth", null)));
    await sendWebhook(
      signedWebhookRequest(accountUpdated(connection.finchConnectionId, "reauth", { type: "<script>" })),
    );
    expect((await connectionState(connection.id)).authenticationType).toBe("api_token");
  });

  it("ignores unknown statuses, unknown connections and other event types with a 200", async () => {
    const connection = await newConnection();
    expect(
      (
        await sendWebhook(
          signedWebhookRequest(accountUpdated(connection.finchConnectionId, "brand_new_status")),
        )
      ).body,
    ).toEqual({ ok: true, ignored: "status" });
    expect(
      (await sendWebhook(signedWebhookRequest(accountUpdated("no-such-finch-connection", "reauth")))).body,
    ).toEqual({ ok: true, ignored: "connection" });
    const sync = {
      connection_id: connection.finchConnectionId,
      event_type: "job.data_sync_all.completed",
      data: { job_id: "j", job_url: "u" },
    };
    expect((await sendWebhook(signedWebhookRequest(sync))).body).toEqual({ ok: true, ignored: "event type" });
    expect(await connectionState(connection.id)).toMatchObject({
      status: "healthy",
      incidents: [],
      events: [],
    });
  });

  it("follows the stand-in's real deliveries: break, then restore, in both authentication_method shapes", async () => {
    const connection = await newConnection();
    await finch.control("PUT", "/_emulator/webhooks", {
      urls: [forwarderUrl],
      authenticationMethodShape: "object",
    });
    await finch
      .withToken(connection.accessToken)
      .sandbox.connections.accounts.update({ connection_status: "reauth" });
    await waitFor(
      () => connectionState(connection.id),
      (s) => s.status === "needs_reauth",
    );

    await finch.control("PUT", "/_emulator/webhooks", {
      urls: [forwarderUrl],
      authenticationMethodShape: "string",
    });
    await finch
      .withToken(connection.accessToken)
      .sandbox.connections.accounts.update({ connection_status: "connected" });
    const restored = await waitFor(
      () => connectionState(connection.id),
      (s) => s.status === "healthy",
    );
    expect(restored.incidents).toHaveLength(1);
    expect(restored.incidents[0].resolvedAt).toBeInstanceOf(Date);
    expect(restored.authenticationType).toBe("credential");

    // Every delivery for this connection was verified and answered 2xx, so none is waiting for a retry.
    const { deliveries } = await finch.control<{ deliveries: { connectionId: string; status: string }[] }>(
      "GET",
      "/_emulator/webhooks/deliveries",
    );
    const ours = deliveries.filter((d) => d.connectionId === connection.finchConnectionId);
    expect(ours.map((d) => d.status)).toEqual(["delivered", "delivered"]);
  });
});
