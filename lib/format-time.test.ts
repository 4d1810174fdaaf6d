import { describe, expect, it } from "vitest";
import { exactTime, timeAgo } from "./format-time";

describe("timeAgo", () => {
  const now = Date.parse("2026-11-28T12:00:00Z");
  it.each([
    ["2026-11-28T11:59:30Z", "just now"],
    ["2026-11-28T11:55:00Z", "5 minutes ago"],
    ["2026-11-28T09:00:00Z", "3 hours ago"],
    ["2026-11-27T11:00:00Z", "yesterday"],
    ["2026-11-20T12:00:00Z", "8 days ago"],
  ])("%s → %s", (iso, expected) => {
    expect(timeAgo(iso, now)).toBe(expected);
  });

  it("formats an exact UTC time", () => {
    expect(exactTime("2026-11-28T09:05:00Z")).toBe("Nov 28, 2026, 9:05 AM UTC");
  });
});

describe("the same words as Intl's English formatters", () => {
  const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const exact = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const now = Date.parse("2026-12-06T17:00:00Z");

  it("for every elapsed time from a minute to years", () => {
    const units = [
      ["day", 86_400_000],
      ["hour", 3_600_000],
      ["minute", 60_000],
    ] as const;
    for (const elapsed of [60_000, 61_000, 119_999, 3_599_999, 3_600_000, 7_200_000, 86_399_999].concat([
      86_400_000,
      172_800_000,
      86_400_000 * 999,
      86_400_000 * 1_000,
      86_400_000 * 1_234_567,
    ])) {
      const [unit, size] = units.find(([, size]) => elapsed >= size)!;
      const expected = relative.format(-Math.floor(elapsed / size), unit);
      expect(timeAgo(new Date(now - elapsed).toISOString(), now), `${elapsed} ms`).toBe(expected);
    }
  });

  it("for every month and hour of a day", () => {
    for (let month = 0; month < 12; month++) {
      for (let hour = 0; hour < 24; hour++) {
        const at = new Date(Date.UTC(2026, month, 1 + ((month * 7 + hour) % 28), hour, (hour * 13) % 60));
        const expected = `${exact.format(at).replace("\u202f", " ")} UTC`;
        expect(exactTime(at.toISOString())).toBe(expected);
      }
    }
  });
});
