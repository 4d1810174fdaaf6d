// CPU affinity for the benchmark's measured server: on a machine with two or more CPUs and util-linux's
// taskset, the server gets CPU 0 to itself and the benchmark's own process (the load generator) the
// others, so neither's bursts land on the other's CPU (bench/README.md: what it did to the noise).
import { spawnSync } from "node:child_process";
import os from "node:os";

export interface CpuSplit {
  /** The measured server's CPU list, as taskset reads it. */
  server: string;
  /** Everything else the benchmark runs itself. */
  rest: string;
  /** Every CPU: the benchmark process's affinity once the measurement is over. */
  all: string;
}

function tasksetWorks(): boolean {
  return spawnSync("taskset", ["-p", String(process.pid)], { stdio: "ignore" }).status === 0;
}

/** The split, or undefined where it cannot be made (one CPU, no taskset, or BENCH_PIN=off). */
export function cpuSplit(): CpuSplit | undefined {
  const cpus = os.availableParallelism();
  if (process.env.BENCH_PIN === "off" || cpus < 2 || !tasksetWorks()) return undefined;
  return { server: "0", rest: cpus === 2 ? "1" : `1-${cpus - 1}`, all: `0-${cpus - 1}` };
}

/** The command, run on `cpus` only. */
export function onCpus(cpus: string | undefined, command: string[]): string[] {
  return cpus ? ["taskset", "-c", cpus, ...command] : command;
}

/** Moves a running process, every thread of it, to `cpus`. */
export function moveProcess(pid: number, cpus: string): void {
  const moved = spawnSync("taskset", ["-a", "-p", "-c", cpus, String(pid)], { stdio: "ignore" });
  if (moved.status !== 0) throw new Error(`taskset could not move process ${pid} to CPUs ${cpus}`);
}
