// The table reads back from a packed row exactly what the page read from the database, times as ISO text.
import { describe, expect, it } from "vitest";
import { packBrokenRow, unpackBrokenRow } from "./packed-broken-row";
import type { BrokenConnectionRow } from "./list-broken-connections";

const row: BrokenConnectionRow = {
  connectionId: "c1",
  organizationId: "o1",
  organizationName: "Acme",
  providerId: "gusto",
  providerName: "Gusto",
  status: "needs_reauth",
  since: new Date("2026-12-01T10:00:00.000Z"),
  detectionPath: "webhook",
  emailsDelivered: 2,
  linkOpened: true,
  reconnectAttempts: 1,
  lastReminderAt: new Date("2026-12-03T09:30:00.000Z"),
};

describe("packed broken-connection rows", () => {
  it("round-trips every field the table shows", () => {
    expect(unpackBrokenRow(packBrokenRow(row))).toEqual({
      connectionId: "c1",
      organizationName: "Acme",
      providerName: "Gusto",
      since: "2026-12-01T10:00:00.000Z",
      detectionPath: "webhook",
      emailsDelivered: 2,
      linkOpened: true,
      reconnectAttempts: 1,
      lastReminderAt: "2026-12-03T09:30:00.000Z",
    });
  });

  it("keeps a missing reminder and detection path as null", () => {
    const packed = packBrokenRow({ ...row, detectionPath: null, lastReminderAt: null });
    expect(unpackBrokenRow(packed)).toMatchObject({ detectionPath: null, lastReminderAt: null });
  });

  it("is far smaller as JSON than the row with named fields", () => {
    expect(JSON.stringify(packBrokenRow(row)).length).toBeLessThan(JSON.stringify(row).length / 2);
  });
});
