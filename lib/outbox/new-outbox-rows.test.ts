// New outbox rows: each recipient's own columns, the shared ones, and one moment for created and due.
import { describe, expect, it } from "vitest";
import { newOutboxRows } from "./new-outbox-rows";

describe("new outbox rows", () => {
  it("makes one row per recipient, created and first due when queued", () => {
    const at = new Date("2026-12-01T10:00:00Z");
    const rows = newOutboxRows(
      ["ch_1", "ch_2"],
      (channelId) => ({ dedupeKey: `connection.broken:inc_1:${channelId}`, channelId }),
      { organizationId: "org_1", connectionId: "con_1", incidentId: "inc_1", payload: { n: 1 }, at },
    );
    expect(rows).toEqual(
      ["ch_1", "ch_2"].map((channelId) => ({
        dedupeKey: `connection.broken:inc_1:${channelId}`,
        channelId,
        organizationId: "org_1",
        connectionId: "con_1",
        incidentId: "inc_1",
        payload: { n: 1 },
        createdAt: at,
        nextAttemptAt: at,
      })),
    );
  });

  it("makes none for no recipients", () => {
    const shared = { organizationId: "o", connectionId: "c", incidentId: null, payload: {}, at: new Date() };
    expect(newOutboxRows([], () => ({ dedupeKey: "k" }), shared)).toEqual([]);
  });
});
