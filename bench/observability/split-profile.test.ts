import { describe, expect, it } from "vitest";
import { codeOf, measuredRoundsByTarget, splitBySide, type Round } from "./split-profile";

const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 0 });

describe("measuredRoundsByTarget", () => {
  it("leaves warm-ups out and starts a new target after each run of them; a lone long round is measured", () => {
    const round = (side: Round["side"], startUs: number, lengthUs: number): Round => ({
      side,
      startUs,
      endUs: startUs + lengthUs,
    });
    const rounds = [
      round("off", 0, 2000),
      round("on", 2000, 2000),
      round("on", 4000, 1000),
      round("off", 5000, 1900),
      round("off", 6900, 1000),
      round("on", 7900, 1000),
      round("off", 8900, 2100),
      round("on", 11000, 2100),
      round("on", 13100, 1000),
      round("off", 14100, 1000),
    ];
    expect(measuredRoundsByTarget(rounds).map((target) => target.map((r) => r.startUs))).toEqual([
      [4000, 5000, 6900, 7900],
      [13100, 14100],
    ]);
  });
});

describe("splitBySide", () => {
  it("counts each sample's time on the side of the round it fell in, and none outside a round or idle", () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame("(idle)") },
        { id: 2, callFrame: frame("startSpan", "file:///app/node_modules/@opentelemetry/sdk-trace/x.js") },
        { id: 3, callFrame: frame("handler", "file:///app/.next/server/chunks/a.js") },
      ],
      startTime: 1000,
      // Samples at 1010 (before the rounds), 1100 (off), 1200 (off, idle), 1300 (on), 1400 (on) and
      // 1500 (after them); each lasts until the next one.
      samples: [3, 3, 1, 2, 3, 3],
      timeDeltas: [10, 90, 100, 100, 100, 100],
    };
    const rounds: Round[] = [
      { side: "off", startUs: 1050, endUs: 1250 },
      { side: "on", startUs: 1250, endUs: 1450 },
    ];
    const totals = splitBySide(profile, rounds, codeOf);
    expect(Object.fromEntries(totals.off)).toEqual({ "(app bundle)": 100 });
    expect(Object.fromEntries(totals.on)).toEqual({ "@opentelemetry/sdk-trace": 100, "(app bundle)": 100 });
  });
});
