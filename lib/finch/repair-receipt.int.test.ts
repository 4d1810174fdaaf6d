import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { restoredEmailReceipt, ReceiptPendingError } from "@/lib/notifications/restored-email-receipt";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import { seedMember } from "@/test/notifications-test-kit";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { receiptLine } from "@/lib/connections/receipt-line";
import { takeRepairReceipt } from "./take-repair-receipt";

const finch = finchForTestFile();

async function repairedConnection(failingProducts: string[]) {
  const org = await seedOrganization();
  const connection = await seedConnection(finch(), org.id);
  const member = await seedMember(org.id, "owner");
  await finch().control("POST", `/_emulator/connections/${connection.finchConnectionId}/failing-products`, {
    products: failingProducts,
  });
  await applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source: "sweep" });
  await applyConnectionSignal({ connectionId: connection.id, finchStatus: "connected", source: "reconnect" });
  return { connection, member };
}

describe("the repair receipt", () => {
  it("reads each granted product once through the gateway and says which one still fails", async () => {
    const { connection, member } = await repairedConnection(["employment"]);
    const checks = await takeRepairReceipt({
      connectionId: connection.id,
      organizationId: connection.organizationId,
      userId: member.id,
    });
    expect(checks).toEqual([
      { product: "company", ok: true, problem: null },
      { product: "directory", ok: true, problem: null },
      { product: "individual", ok: true, problem: null },
      { product: "employment", ok: false, problem: "permission missing" },
    ]);
    expect(receiptLine(checks ?? [])).toBe(
      "Reconnected · Company ✓ · Directory ✓ · Individual ✓ · Employment ✗ (permission missing)",
    );
    // A missing permission is not a broken connection: it stays healthy, with the receipt kept.
    const row = await db().connection.findUniqueOrThrow({
      where: { id: connection.id },
      select: { status: true, repairReceipts: { select: { checks: true, userId: true, incidentId: true } } },
    });
    expect(row.status).toBe("healthy");
    expect(row.repairReceipts).toHaveLength(1);
    expect(row.repairReceipts[0]).toMatchObject({ checks, userId: member.id });
    expect(row.repairReceipts[0]?.incidentId).toBeTruthy();
    const event = await db().connectionEvent.findFirst({
      where: { connectionId: connection.id, type: "repair_receipt" },
      select: { detail: true, actorUserId: true },
    });
    expect(event).toEqual({ detail: receiptLine(checks ?? []), actorUserId: member.id });
  });

  it("goes into the Reconnected email with who reconnected", async () => {
    const { connection, member } = await repairedConnection([]);
    const incident = await db().incident.findFirstOrThrow({ where: { connectionId: connection.id } });
    await takeRepairReceipt({
      connectionId: connection.id,
      organizationId: connection.organizationId,
      userId: member.id,
    });
    const receipt = await restoredEmailReceipt({
      incidentId: incident.id,
      resolvedAt: incident.resolvedAt,
      how: "reconnected",
    });
    expect(receipt?.checks.every((check) => check.ok)).toBe(true);
    expect(receipt?.reconnectedBy).toBe(member.email);
  });

  it("holds the Reconnected email briefly while a Connect reconnect is still taking its receipt", async () => {
    const { connection, member } = await repairedConnection([]);
    const incident = await db().incident.findFirstOrThrow({ where: { connectionId: connection.id } });
    const resolvedAt = incident.resolvedAt ?? new Date();
    const options = { incidentId: incident.id, resolvedAt, how: "reconnected" as const };
    // Without a Connect attempt (Finch recovered, or a test signal), nothing is waited for.
    expect(await restoredEmailReceipt(options)).toBeNull();
    await db().connectAttempt.create({
      data: {
        stateHash: `receipt-${incident.id}`,
        userId: member.id,
        organizationId: connection.organizationId,
        connectionId: connection.id,
        purpose: "reconnect",
        createdAt: incident.startedAt,
        expiresAt: new Date(resolvedAt.getTime() + 15 * 60 * 1000),
      },
    });
    await expect(restoredEmailReceipt(options)).rejects.toBeInstanceOf(ReceiptPendingError);
    // After a minute it goes out without one rather than never.
    const later = new Date(resolvedAt.getTime() + 61_000);
    expect(await restoredEmailReceipt({ ...options, now: later })).toBeNull();
  });
});
