// A webhook endpoint that answers 200 and then trickles a byte at a time holds an alert worker only
// until the request's total deadline, and other organizations' alerts go out meanwhile.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startHooksEmulator, type RunningHooksEmulator } from "@/emulators/hooks/server";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { db } from "@/lib/db";
import { seedConnection, seedOrganization, uniqueSuffix } from "@/test/finch-test-kit";
import { seedMember, setupNotificationStandIns } from "@/test/notifications-test-kit";
import { deliverAlert } from "@/lib/alerts/alert-outbox";
import { saveAlertChannel } from "./manage-alert-channels";

// Read by env() on first use, which happens after this line (in the stand-ins' beforeAll).
const DEADLINE_MS = 1_500;
process.env.ALERT_REQUEST_DEADLINE_SECONDS = String(DEADLINE_MS / 1000);

let hooks: RunningHooksEmulator;
let trickler: Server;
let tricklerUrl = "";
let dripping = 0;
const standIns = setupNotificationStandIns(async () => {
  hooks = await startHooksEmulator({ port: 0 });
  // Answers 200 at once, then one byte every 200 ms for as long as the connection stays open.
  trickler = createServer((req, res) => {
    dripping++;
    res.writeHead(200, { "content-type": "text/plain" });
    const timer = setInterval(() => res.write("."), 200);
    req.socket.on("close", () => {
      clearInterval(timer);
      dripping--;
    });
  });
  await new Promise<void>((resolve) => trickler.listen(0, "127.0.0.1", resolve));
  tricklerUrl = `http://127.0.0.1:${(trickler.address() as AddressInfo).port}`;
});
afterAll(async () => {
  trickler.closeAllConnections();
  trickler.close();
  await hooks.close();
});

/** An organization with one alert channel and a connection that just broke: its alert row's id. */
async function brokenTeam(kind: "slack" | "webhook", url: string): Promise<string> {
  const org = await seedOrganization();
  await seedMember(org.id, "owner");
  const connection = await seedConnection(standIns.finch(), org.id);
  await saveAlertChannel({ organizationId: org.id, kind, url });
  await applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source: "sweep" });
  const row = await db().alertOutbox.findFirstOrThrow({ where: { connectionId: connection.id } });
  return row.id;
}

describe("an alert request's total deadline", () => {
  it("cuts trickling receivers at the deadline while another organization's alert is delivered", async () => {
    const trickled = await Promise.all(
      [1, 2, 3, 4].map((i) => brokenTeam("webhook", `${tricklerUrl}/hooks/${uniqueSuffix()}-${i}`)),
    );
    const slackPath = `/slack/T0/B0/${uniqueSuffix()}`;
    const other = await brokenTeam("slack", `${hooks.url}${slackPath}`);

    // Four workers busy with trickling receivers (as many as would starve a small pool)…
    const started = Date.now();
    let settled = 0;
    const slow = Promise.all(
      trickled.map((outboxId) => deliverAlert({ outboxId }).finally(() => (settled += 1))),
    );
    await expect.poll(() => dripping, { timeout: 1_000 }).toBe(4);

    // …and another organization's alert still goes out, before any of them is cut.
    expect(await deliverAlert({ outboxId: other })).toEqual({ kind: "sent" });
    expect(settled).toBe(0);
    const received = await fetch(`${hooks.url}/received?path=${encodeURIComponent(slackPath)}`);
    expect(((await received.json()) as { data: unknown[] }).data).toHaveLength(1);

    // Each trickling request ends at the deadline: its 200 had arrived, so it counts as delivered once.
    expect(await slow).toEqual(trickled.map(() => ({ kind: "sent" })));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 2_000);
    await expect.poll(() => dripping, { timeout: 1_000 }).toBe(0);
    const rows = await db().alertOutbox.findMany({ where: { id: { in: trickled } } });
    expect(rows.map((row) => [row.status, row.attempts, row.claimedUntil])).toEqual(
      trickled.map(() => ["sent", 1, null]),
    );
  });
});
