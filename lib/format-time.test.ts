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
