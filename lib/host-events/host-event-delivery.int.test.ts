// Events to the host end to end: queued by the state machine on every detection path, once per
// endpoint, signed (checked with the standardwebhooks library), retried with backoff on 5xx, given up
// by the alert channels' rule, and never carrying a token.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHooksEmulator, type RunningHooksEmulator } from "@/emulators/hooks/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization, uniqueSuffix } from "@/test/finch-test-kit";
import {
  clearWebhookEndpoints,
  drainHostEvents,
  endpointAtInbox,
  failNext,
  receivedAt,
} from "@/test/host-events-kit";

const finch = finchForTestFile();
let hooks: RunningHooksEmulator;
beforeAll(async () => {
  hooks = await startHooksEmulator({ port: 0 });
  await clearWebhookEndpoints();
});
afterAll(async () => {
  await clearWebhookEndpoints();
  await hooks.close();
});

const SOURCES = ["api_error", "webhook", "sweep", "host_api"] as const;

async function brokenConnection() {
  await clearWebhookEndpoints();
  const org = await seedOrganization();
  const externalId = `cust-${uniqueSuffix()}`;
  await db().organization.update({ where: { id: org.id }, data: { externalId } });
  const connection = await seedConnection(finch(), org.id);
  const endpoints = [await endpointAtInbox(hooks), await endpointAtInbox(hooks)];
  return { org, externalId, connection, endpoints };
}

/** Drains, twice at once, until nothing is pending; returns each retry's wait in seconds. */
async function deliverAll(connectionId: string, rounds = 12): Promise<number[]> {
  const waits: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const now = new Date();
    await Promise.all([drainHostEvents(connectionId, now), drainHostEvents(connectionId, now)]);
    const pending = await db().hostEventOutbox.findMany({ where: { connectionId, status: "pending" } });
    if (pending.length === 0) break;
    waits.push(...pending.map((row) => Math.round((row.nextAttemptAt.getTime() - now.getTime()) / 1000)));
    // The backoff's wait, skipped (the receiver checks signature timestamps against the real clock).
    await db().hostEventOutbox.updateMany({
      where: { connectionId, status: "pending" },
      data: { nextAttemptAt: new Date() },
    });
  }
  return waits;
}

const verify = (secret: string, hook: { body: string; headers: Record<string, string> }) =>
  new Webhook(secret).verify(hook.body, hook.headers) as { type: string; timestamp: string; data: object };

describe("events to the host", () => {
  it("reach each endpoint once, signed, whatever the paths, duplicates and racing workers", async () => {
    const { org, externalId, connection, endpoints } = await brokenConnection();
    const [flaky, steady] = endpoints;
    await failNext(hooks, flaky.path, 2);
    await Promise.all(
      SOURCES.map((source) =>
        applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source }),
      ),
    );
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source: "host_api" });
    expect(await db().hostEventOutbox.count({ where: { connectionId: connection.id } })).toBe(2);

    // 503 twice: retried after the base wait, then twice that (the alert channels' backoff).
    const base = env().EMAIL_RETRY_BASE_SECONDS;
    expect(await deliverAll(connection.id)).toEqual([base, 2 * base]);
    const rows = await db().hostEventOutbox.findMany({
      where: { connectionId: connection.id },
      orderBy: { attempts: "desc" },
    });
    expect(rows.map((row) => [row.endpointId, row.status, row.attempts, row.responseStatus])).toEqual([
      [flaky.id, "sent", 3, 200],
      [steady.id, "sent", 1, 200],
    ]);

    const incident = await db().incident.findFirstOrThrow({ where: { connectionId: connection.id } });
    const stored = await db().connection.findUniqueOrThrow({
      where: { id: connection.id },
      omit: { accessTokenCiphertext: false },
    });
    for (const endpoint of endpoints) {
      const [hook, ...more] = await receivedAt(hooks, endpoint.path);
      expect(more).toHaveLength(0);
      expect(hook.verified).toBe(true);
      // Every attempt carried the same webhook-id, so the host can deduplicate retries.
      const attempts = await receivedAt(hooks, endpoint.path, true);
      expect(new Set(attempts.map((attempt) => attempt.headers["webhook-id"])).size).toBe(1);
      expect(verify(endpoint.secret, hook)).toEqual({
        type: "connection.broken",
        timestamp: incident.startedAt.toISOString(),
        data: {
          connection_id: connection.id,
          finch_connection_id: connection.finchConnectionId,
          organization: { id: org.id, external_id: externalId, name: org.name },
          provider_id: "gusto",
          provider_name: "gusto",
          status: "reauth",
          status_since: incident.startedAt.toISOString(),
          detection_path: expect.stringMatching(/^(api_error|webhook|sweep|host_api)$/),
          token_rotated_at: stored.tokenUpdatedAt.toISOString(),
          incident_id: incident.id,
          reason: expect.any(String),
        },
      });
      // Ids and status only: neither the token nor its ciphertext, in any attempt.
      for (const attempt of attempts) {
        expect(attempt.body).not.toContain(connection.accessToken);
        expect(attempt.body).not.toContain(stored.accessTokenCiphertext);
        expect(attempt.body).not.toMatch(/token"\s*:/);
      }
      // Another endpoint's secret does not verify it.
      const other = endpoints.find((candidate) => candidate !== endpoint);
      expect(() => verify(other?.secret ?? "", hook)).toThrow();
    }
    const timeline = await db().connectionEvent.findMany({
      where: { connectionId: connection.id, type: "host_event_sent" },
    });
    expect(timeline.map((entry) => entry.detail)).toEqual([
      expect.stringMatching(/^Event to your backend \(broken\) delivered to http:\/\/127\.0\.0\.1:\d+/),
      expect.stringMatching(/^Event to your backend \(broken\) delivered to http:\/\/127\.0\.0\.1:\d+/),
    ]);
  });

  it("send connection.restored once per endpoint when the incident ends", async () => {
    const { connection, endpoints } = await brokenConnection();
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source: "webhook" });
    const incident = await db().incident.findFirstOrThrow({ where: { connectionId: connection.id } });
    await Promise.all(
      SOURCES.map((source) =>
        applyConnectionSignal({ connectionId: connection.id, finchStatus: "connected", source }),
      ),
    );
    await deliverAll(connection.id);
    for (const endpoint of endpoints) {
      const events = (await receivedAt(hooks, endpoint.path)).map((hook) => verify(endpoint.secret, hook));
      expect(events.map((event) => event.type).sort()).toEqual(["connection.broken", "connection.restored"]);
      expect(events.find((event) => event.type === "connection.restored")?.data).toMatchObject({
        status: "connected",
        how: "recovered",
        incident_id: incident.id,
      });
    }
  });

  it("give up by the alert channels' rule: at once on a 4xx, after the last attempt on 5xx", async () => {
    const { connection, endpoints } = await brokenConnection();
    const [refusing, failing] = endpoints;
    await failNext(hooks, refusing.path, 1, 410);
    await failNext(hooks, failing.path, env().EMAIL_MAX_ATTEMPTS, 502);
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source: "sweep" });
    await deliverAll(connection.id, env().EMAIL_MAX_ATTEMPTS + 2);
    const rows = await db().hostEventOutbox.findMany({
      where: { connectionId: connection.id },
      orderBy: { attempts: "asc" },
    });
    expect(rows.map((row) => [row.endpointId, row.status, row.attempts])).toEqual([
      [refusing.id, "failed", 1],
      [failing.id, "failed", env().EMAIL_MAX_ATTEMPTS],
    ]);
    expect(rows[0].lastError).toContain("answered 410");
    const failed = await db().connectionEvent.findMany({
      where: { connectionId: connection.id, type: "host_event_failed" },
    });
    const details = failed.map((entry) => entry.detail ?? "");
    expect(details.map((detail) => /gave up after (\d+) attempt/.exec(detail)?.[1]).sort()).toEqual(
      ["1", String(env().EMAIL_MAX_ATTEMPTS)].sort(),
    );
    for (const detail of details)
      expect(detail).toMatch(/^Event to your backend \(broken\) to http:\/\/127\.0\.0\.1/);
  });
});
