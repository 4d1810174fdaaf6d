// The CPU time a process has used so far (user + system), read from /proc on Linux; undefined elsewhere.
import fs from "node:fs";

/** Linux counts a process's CPU time in clock ticks of 1/100 s (USER_HZ, 100 on every common kernel). */
const TICK_MS = 10;

export function processCpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}
