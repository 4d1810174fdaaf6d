import { describe, expect, it } from "vitest";
import { formatDuration, formatUptime } from "./format-health";

describe("health figures", () => {
  it("show uptime with two decimals and never round a loss up to 100%", () => {
    expect(formatUptime(1)).toBe("100%");
    expect(formatUptime(708 / 720)).toBe("98.33%");
    expect(formatUptime(0.999999)).toBe("99.99%");
    expect(formatUptime(null)).toBe("—");
  });

  it("show durations in days, hours and minutes", () => {
    expect(formatDuration(6 * 3600)).toBe("6 h");
    expect(formatDuration(6 * 3600 + 30 * 60)).toBe("6 h 30 min");
    expect(formatDuration(2 * 86400 + 3 * 3600 + 59)).toBe("2 d 3 h");
    expect(formatDuration(20)).toBe("under a minute");
    expect(formatDuration(null)).toBe("—");
  });
});
