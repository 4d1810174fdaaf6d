import { describe, expect, it } from "vitest";
import { signInThroughConnect } from "@/emulators/finch/test-support/connect-browser";
import { completeConnect } from "@/lib/finch/connect/complete-connect";
import { startReconnect } from "@/lib/finch/connect/start-reconnect";
import { db } from "@/lib/db";
import { acquireFinchPermit } from "@/lib/finch/budget/acquire-finch-permit";
import { seedMember } from "@/test/notifications-test-kit";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import { runSweepBatch } from "./run-sweep-batch";

// Finch's real windows: the sweep's shared bucket gives 60 at once, then 1.8 a second.
process.env.FINCH_BUDGET_WINDOW_SCALE = "1";
const finch = finchForTestFile({ resetBudget: true });

describe("a customer's reconnect during a big sweep", () => {
  it("gets its permits from the interactive reserve at once and succeeds while the sweep waits its turn", async () => {
    const org = await seedOrganization();
    const user = await seedMember(org.id, "owner");
    const fleet = [];
    for (let i = 0; i < 30; i++) fleet.push(await seedConnection(finch(), org.id));
    const broken = fleet[0];
    if (!broken) throw new Error("no connection seeded");
    await finch().control("POST", `/_emulator/connections/${broken.finchConnectionId}/status`, {
      status: "reauth",
    });

    // Background work already spent the shared bucket: the sweep below queues for refills (1.8 a second).
    while (
      (await acquireFinchPermit({ path: "/introspect", priority: "background", maxWaitSeconds: 0 })).kind ===
      "granted"
    );
    let sweepDone = false;
    const sweep = runSweepBatch({ connectionIds: fleet.map((c) => c.id) }).finally(() => {
      sweepDone = true;
    });

    const started = Date.now();
    const launch = await startReconnect({ userId: user.id, organizationId: org.id, connectionId: broken.id });
    const signedIn = await signInThroughConnect(launch.url, { username: "admin" });
    expect(signedIn.code).toBeTruthy();
    const result = await completeConnect({ state: launch.state, code: signedIn.code ?? "", userId: user.id });
    const took = Date.now() - started;

    expect(result).toMatchObject({ kind: "reconnected", connectionId: broken.id });
    expect(sweepDone).toBe(false); // the sweep was still going the whole time
    expect(took).toBeLessThan(10_000);
    const row = await db().connection.findUniqueOrThrow({
      where: { id: broken.id },
      select: { status: true },
    });
    expect(row.status).toBe("healthy");
    // The reconnect's sync ran too (company and directory, from the products' interactive buckets).
    expect(await db().finchCompany.findUnique({ where: { connectionId: broken.id } })).not.toBeNull();

    const summary = await sweep;
    expect(summary.checked + summary.deferred).toBe(30);
  }, 120_000);
});
