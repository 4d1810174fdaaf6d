import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/db";
import { inTimeZone } from "@/test/time-zone";

describe("utcDate", () => {
  // Off UTC, a zone-less time read by `new Date` shifts by the server's offset: the bug this prevents.
  inTimeZone("America/New_York");

  it("reads a stored time without a zone as UTC, in pg's text form and in JSON's", () => {
    expect(new Date("2026-12-07T08:00:00.123").toISOString()).not.toBe("2026-12-07T08:00:00.123Z");
    expect(utcDate("2026-12-07 08:00:00.123").toISOString()).toBe("2026-12-07T08:00:00.123Z");
    expect(utcDate("2026-12-07T08:00:00.123").toISOString()).toBe("2026-12-07T08:00:00.123Z");
    expect(utcDate("2026-12-07T08:00:00").toISOString()).toBe("2026-12-07T08:00:00.000Z");
  });

  it("keeps a zone the text names, and passes a Date through", () => {
    expect(utcDate("2026-12-07T08:00:00.123Z").toISOString()).toBe("2026-12-07T08:00:00.123Z");
    expect(utcDate("2026-12-07T08:00:00.123+01:00").toISOString()).toBe("2026-12-07T07:00:00.123Z");
    const date = new Date(0);
    expect(utcDate(date)).toBe(date);
  });
});
