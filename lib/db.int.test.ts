import { describe, expect, it } from "vitest";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { inTimeZone } from "@/test/time-zone";

// Stored times are `timestamp(3)` in UTC, without a zone. Off UTC, pg would send a Date as local time
// with its offset (which such a column ignores) and read one back as local time.
describe("queryRows off UTC", () => {
  inTimeZone("America/New_York");

  it("sends a Date as its UTC time and reads a stored time back as UTC", async () => {
    const at = new Date("2026-12-07T08:00:00.123Z");
    const [row] = await queryRows<{ same: boolean; stored: Date; json: { at: string } }>(
      Prisma.sql`SELECT ${at}::timestamp(3) = '2026-12-07 08:00:00.123'::timestamp(3) AS same,
                        '2026-12-07 08:00:00.123'::timestamp(3) AS stored,
                        json_build_object('at', '2026-12-07 08:00:00.123'::timestamp(3)) AS json`,
    );
    expect(row.same).toBe(true);
    expect(row.stored.toISOString()).toBe("2026-12-07T08:00:00.123Z");
    expect(row.json.at).toBe("2026-12-07T08:00:00.123");
  });
});
