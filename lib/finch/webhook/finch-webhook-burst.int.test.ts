// A burst of webhooks, as Finch sends after an outage: every distinct event is recorded exactly once,
// every redelivery is answered as a duplicate, nothing answers 5xx. The http benchmark sends the full
// 10,000 + 1,000 to the running app; this test sends a share of it straight to the handler.
import { describe, expect, it } from "vitest";
import { forEachBounded } from "@/lib/concurrency/for-each-bounded";
import { db } from "@/lib/db";
import { finchForTestFile } from "@/test/finch-for-test-file";
import {
  accountUpdated,
  seedConnection,
  seedOrganization,
  signedWebhookRequest,
  uniqueSuffix,
} from "@/test/finch-test-kit";
import { connectionState, sendWebhook } from "@/test/webhook-test-kit";

const DISTINCT = 2_000;
const DUPLICATES = 200;

const finch = finchForTestFile();

describe("a burst of Finch webhooks", () => {
  it("records each distinct event once, answers every redelivery as a duplicate, and never fails", async () => {
    const connection = await seedConnection(finch(), (await seedOrganization()).id);
    const prefix = `burst_${uniqueSuffix()}_`;
    // Every 11th delivery repeats one sent a few deliveries earlier, so duplicates race their originals.
    const ids: string[] = [];
    for (let distinct = 0; ids.length < DISTINCT + DUPLICATES;) {
      const repeat = ids.length % 11 === 10 && distinct > 5;
      ids.push(repeat ? `${prefix}${distinct - 1 - (ids.length % 5)}` : `${prefix}${distinct++}`);
    }
    const statuses = new Map<number, number>();
    let duplicates = 0;
    await forEachBounded(
      ids,
      async (eventId) => {
        const answer = await sendWebhook(
          signedWebhookRequest(accountUpdated(connection.finchConnectionId, "connected"), { eventId }),
        );
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.body.duplicate === true) duplicates++;
      },
      { concurrency: 20 },
    );

    expect(Object.fromEntries(statuses)).toEqual({ 200: DISTINCT + DUPLICATES });
    expect(duplicates).toBe(DUPLICATES);
    expect(await db().finchWebhookEvent.count({ where: { id: { startsWith: prefix } } })).toBe(DISTINCT);
    const after = await connectionState(connection.id);
    expect(after).toMatchObject({ status: "healthy", incidents: [], events: [] });
    const row = await db().connection.findUniqueOrThrow({
      where: { id: connection.id },
      select: { lastCheckedAt: true, lastSuccessAt: true, authenticationType: true },
    });
    expect(row.lastCheckedAt).toBeInstanceOf(Date);
    expect(row.lastSuccessAt).toEqual(row.lastCheckedAt);
    expect(row.authenticationType).toBe("credential");
  });

  it("opens exactly one incident when a burst of reports turns from connected to reauth", async () => {
    const connection = await seedConnection(finch(), (await seedOrganization()).id);
    const prefix = `mixed_${uniqueSuffix()}_`;
    const answers: number[] = [];
    // Two waves, each racing with itself: 100 "connected" (the fast path), then 100 "reauth" (the state machine).
    for (const status of ["connected", "reauth"]) {
      await forEachBounded(
        Array.from({ length: 100 }, (_, i) => `${prefix}${status}_${i}`),
        async (eventId) => {
          const request = signedWebhookRequest(accountUpdated(connection.finchConnectionId, status), {
            eventId,
          });
          answers.push((await sendWebhook(request)).status);
        },
        { concurrency: 20 },
      );
    }
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    expect(await db().finchWebhookEvent.count({ where: { id: { startsWith: prefix } } })).toBe(200);
    const after = await connectionState(connection.id);
    expect(after.status).toBe("needs_reauth");
    expect(after.incidents).toHaveLength(1);
    expect(after.events).toEqual([{ type: "broken", source: "webhook" }]);
  });
});
