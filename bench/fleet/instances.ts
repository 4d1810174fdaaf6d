// What the fleet benchmark reads from its instances: the memory of each server's process tree
// (/proc, resident set), and the product's own permit counters from GET /api/metrics.
import fs from "node:fs";

function children(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and everything it started, in MB. */
export function treeRssMb(pid: number): number {
  let kb = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop()!;
    kb += rssKb(next);
    pending.push(...children(next));
  }
  return kb / 1024;
}

export interface PermitCounters {
  granted: number;
  refused: number;
  waitSeconds: number;
}

/** The interactive permits one instance asked for so far, and the seconds they waited. */
export async function interactivePermits(baseUrl: string, metricsToken: string): Promise<PermitCounters> {
  const response = await fetch(`${baseUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${metricsToken}` },
  });
  if (!response.ok) throw new Error(`metrics: ${response.status}`);
  const text = await response.text();
  const sample = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  return {
    granted: sample(/finch_permits_total\{priority="interactive",outcome="granted"\} ([\d.e+-]+)/),
    refused: sample(/finch_permits_total\{priority="interactive",outcome="refused"\} ([\d.e+-]+)/),
    waitSeconds: sample(/finch_permit_wait_seconds_total\{priority="interactive"\} ([\d.e+-]+)/),
  };
}
