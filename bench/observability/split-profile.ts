// Splits a V8 CPU profile of the metrics+tracing benchmark's server by side: which code the "on" rounds
// spend their extra CPU in. The server writes its profile with BENCH_CPU_PROF_DIR and its rounds with
// BENCH_ROUNDS_FILE (switch-preload.mjs); each sample is counted on the side of the round it fell in,
// warm-up rounds (flat out, longer) left out, so both sides hold the same measured requests.
//   npx tsx bench/observability/split-profile.ts <server.cpuprofile> <rounds.jsonl> [--target=1] [--top=25]
// --target: which target's rounds, in the order the suite measures them (1 the webhook, 2 the dashboard).
import fs from "node:fs";
import { sum } from "../stats";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Round {
  side: "off" | "on";
  startUs: number;
  endUs: number;
}

type Side = Round["side"];

/** Self time (µs) by key, per side. */
export type SideTotals = Record<Side, Map<string, number>>;

/** Where a frame's code lives: its package, Node's own module, the app's bundle, or V8 itself. */
export function codeOf({ url, functionName }: CallFrame): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith("node:")) return url;
  if (url.includes("/.next/server/")) return "(app bundle)";
  return url.replace(/^file:\/\//, "");
}

export function functionOf(frame: CallFrame): string {
  return `${frame.functionName || "(anonymous)"} ${codeOf(frame)}:${frame.lineNumber + 1}`;
}

/**
 * The measured rounds of each target, in the order they ran. A target's warm-up rounds come first, in a
 * row (flat out for a quarter of --duration, 2 s by default, against a measured round's 1 s); a lone long
 * round is a measured one the machine held up.
 */
export function measuredRoundsByTarget(rounds: Round[]): Round[][] {
  const sorted = [...rounds].sort((a, b) => a.startUs - b.startUs);
  const lengths = sorted.map((r) => r.endUs - r.startUs);
  // The lower quartile: measured rounds are most of them, whatever the warm-ups and hiccups.
  const typical = [...lengths].sort((a, b) => a - b)[Math.floor(lengths.length / 4)] ?? 0;
  const long = lengths.map((length) => length > 1.5 * typical);
  const targets: Round[][] = [];
  let current: Round[] = [];
  sorted.forEach((round, i) => {
    if (!(long[i] && (long[i - 1] || long[i + 1]))) current.push(round);
    else if (current.length) {
      targets.push(current);
      current = [];
    }
  });
  if (current.length) targets.push(current);
  return targets;
}

/** Each sample's self time counted by `keyOf` its frame, on the side of the round it fell in. */
export function splitBySide(
  profile: CpuProfile,
  rounds: Round[],
  keyOf: (frame: CallFrame) => string,
): SideTotals {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const sorted = [...rounds].sort((a, b) => a.startUs - b.startUs);
  const totals: SideTotals = { off: new Map(), on: new Map() };
  let at = profile.startTime;
  let index = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    while (index < sorted.length && sorted[index].endUs < at) index++;
    const round = sorted[index];
    if (!round || at < round.startUs) continue;
    const frame = frames.get(profile.samples[i]);
    if (!frame || frame.functionName === "(idle)") continue;
    const next = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
    const key = keyOf(frame);
    totals[round.side].set(key, (totals[round.side].get(key) ?? 0) + next);
  }
  return totals;
}

const total = (map: Map<string, number>) => sum([...map.values()]);

function report(title: string, totals: SideTotals, top: number): void {
  const busy = total(totals.off);
  const keys = new Set([...totals.off.keys(), ...totals.on.keys()]);
  const rows = [...keys]
    .map((key) => ({ key, off: totals.off.get(key) ?? 0, on: totals.on.get(key) ?? 0 }))
    .sort((a, b) => b.on - b.off - (a.on - a.off));
  console.log(`\n${title}: the ${top} that grew most ("on" − "off", as % of the "off" side's busy time)`);
  for (const { key, off, on } of rows.slice(0, top))
    console.log(
      `${(((on - off) / busy) * 100).toFixed(2).padStart(7)}%  ${(off / 1000).toFixed(0).padStart(6)} → ${(on / 1000).toFixed(0).padStart(6)} ms  ${key}`,
    );
}

function main(): void {
  const [profileFile, roundsFile] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  const option = (name: string, fallback: number) =>
    Number(new RegExp(`--${name}=(\\d+)`).exec(process.argv.join(" "))?.[1] ?? fallback);
  const [top, target] = [option("top", 25), option("target", 1)];
  if (!profileFile || !roundsFile) {
    console.error("usage: split-profile.ts <server.cpuprofile> <rounds.jsonl> [--target=1] [--top=25]");
    process.exit(2);
  }
  const profile = JSON.parse(fs.readFileSync(profileFile, "utf8")) as CpuProfile;
  const all = fs
    .readFileSync(roundsFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Round);
  const targets = measuredRoundsByTarget(all);
  const rounds = targets[target - 1];
  if (!rounds) {
    console.error(`no target ${target}: the rounds hold ${targets.length}`);
    process.exit(2);
  }
  const bySide = splitBySide(profile, rounds, codeOf);
  const [off, on] = [total(bySide.off), total(bySide.on)];
  const count = (side: Side) => rounds.filter((r) => r.side === side).length;
  console.log(
    `target ${target} of ${targets.length}: ${rounds.length} measured rounds (off ${count("off")}, on ${count("on")}); busy CPU in them: off ${(off / 1000).toFixed(0)} ms, on ${(on / 1000).toFixed(0)} ms (${(on / off).toFixed(3)}x)`,
  );
  report("By code", bySide, top);
  report("By function", splitBySide(profile, rounds, functionOf), top);
}

if (process.argv[1] && import.meta.filename === fs.realpathSync(process.argv[1])) main();
