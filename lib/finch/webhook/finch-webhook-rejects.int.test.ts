// POST /api/finch/webhook refuses what Finch did not sign and bodies it cannot read, changing nothing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { finchForTestFile } from "@/test/finch-for-test-file";
import {
  accountUpdated,
  seedConnection,
  seedOrganization,
  signedWebhookRequest,
} from "@/test/finch-test-kit";
import { connectionState, sendWebhook } from "@/test/webhook-test-kit";

const finch = finchForTestFile();

async function newConnection() {
  const org = await seedOrganization();
  return seedConnection(finch(), org.id);
}

describe("rejects what Finch did not sign, and changes nothing", () => {
  const cases: [string, (finchConnectionId: string) => Request, number][] = [
    [
      "a tampered body",
      (id) =>
        signedWebhookRequest(accountUpdated(id, "reauth"), {
          tamper: (body) => body.replace("reauth", "connected"),
        }),
      401,
    ],
    [
      "a stale timestamp",
      (id) =>
        signedWebhookRequest(accountUpdated(id, "reauth"), {
          timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
        }),
      401,
    ],
    [
      "a timestamp from the future",
      (id) =>
        signedWebhookRequest(accountUpdated(id, "reauth"), {
          timestamp: Math.floor(Date.now() / 1000) + 10 * 60,
        }),
      401,
    ],
    [
      "another secret",
      (id) =>
        signedWebhookRequest(accountUpdated(id, "reauth"), {
          secret: Buffer.from("not-the-finch-secret").toString("base64"),
        }),
      401,
    ],
    [
      "no signature header",
      (id) => signedWebhookRequest(accountUpdated(id, "reauth"), { omitHeaders: ["finch-signature"] }),
      400,
    ],
    [
      "no timestamp header",
      (id) => signedWebhookRequest(accountUpdated(id, "reauth"), { omitHeaders: ["finch-timestamp"] }),
      400,
    ],
    [
      "no event id header",
      (id) => signedWebhookRequest(accountUpdated(id, "reauth"), { omitHeaders: ["finch-event-id"] }),
      400,
    ],
  ];
  for (const [name, build, expected] of cases) {
    it(name, async () => {
      const connection = await newConnection();
      const request = build(connection.finchConnectionId);
      const eventId = request.headers.get("finch-event-id");
      const answer = await sendWebhook(request);
      expect(answer.status).toBe(expected);
      expect(answer.body).toEqual({ error: expect.any(String) });
      const after = await connectionState(connection.id);
      expect(after).toMatchObject({ status: "healthy", incidents: [], events: [] });
      if (eventId) expect(await db().finchWebhookEvent.findUnique({ where: { id: eventId } })).toBeNull();
    });
  }
});

it("answers malformed bodies with a 400, never a 500", async () => {
  const connection = await newConnection();
  expect((await sendWebhook(signedWebhookRequest("{not json"))).status).toBe(400);
  expect((await sendWebhook(signedWebhookRequest({ hello: "world" }))).status).toBe(400);
  expect(
    (
      await sendWebhook(
        signedWebhookRequest({
          event_type: "account.updated",
          connection_id: connection.finchConnectionId,
          data: {},
        }),
      )
    ).status,
  ).toBe(400);
  expect(
    (await sendWebhook(signedWebhookRequest({ event_type: "account.updated", data: { status: "reauth" } })))
      .status,
  ).toBe(400);
  expect((await connectionState(connection.id)).status).toBe("healthy");
});

it.each([
  ["a NUL byte in connection_id", (id: string) => accountUpdated(`${id}\u0000`, "reauth")],
  ["a lone surrogate in connection_id", () => accountUpdated("abc\ud800", "reauth")],
  ["a lone low surrogate in connection_id", (id: string) => accountUpdated(`\udc00${id}`, "reauth")],
  ["a NUL byte in data.status", (id: string) => accountUpdated(id, "reauth\u0000")],
])("answers a signed account.updated with %s with a 400, recording nothing", async (_, body) => {
  const connection = await newConnection();
  const request = signedWebhookRequest(body(connection.finchConnectionId));
  const eventId = request.headers.get("finch-event-id") ?? "";
  const answer = await sendWebhook(request);
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({ error: "account.updated needs connection_id and data.status." });
  expect(await db().finchWebhookEvent.findUnique({ where: { id: eventId } })).toBeNull();
  expect(await connectionState(connection.id)).toMatchObject({
    status: "healthy",
    incidents: [],
    events: [],
  });
});
