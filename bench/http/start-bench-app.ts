// Starts the benchmark build with `next start` on a free loopback port against one database, as
// production runs it (job workers on), and stops it afterwards.
import { spawn } from "node:child_process";
import { nextStartArgs } from "../../scripts/lib/next-server";
import { stopChild } from "../../scripts/lib/processes";
import { benchAppEnv, freePort } from "../bench-setup";
import { onCpus } from "./cpu-affinity";

export interface BenchApp {
  url: string;
  /** The server process's id (`next start` serves in this one process; its memory is read from /proc). */
  pid: number;
  stop(): Promise<void>;
}

async function waitForHttp(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await fetch(url, { redirect: "manual" }).then(
      (response) => response.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the benchmark app did not answer at ${url} in time`);
}

export async function startBenchApp(
  appDir: string,
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  /** Node flags before `next start`'s own (e.g. a benchmark's `--import` of a preload). */
  nodeArgs: string[] = [],
  /** The CPUs the server may run on (taskset's list, cpu-affinity.ts); any by default. */
  cpus?: string,
): Promise<BenchApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // BENCH_CPU_PROF_DIR: each server writes a V8 CPU profile there when it stops (see bench/README.md).
  const profile = process.env.BENCH_CPU_PROF_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
    : [];
  // taskset execs the server in its own process, so `pid` is the server's all the same.
  const [command, ...args] = onCpus(cpus, [
    process.execPath,
    ...profile,
    ...nodeArgs,
    ...nextStartArgs(port, "127.0.0.1"),
  ]);
  const child = spawn(command, args, {
    cwd: appDir,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      // Nothing here calls Finch or Resend; both point at a closed loopback port all the same.
      ...benchAppEnv({ databaseUrl, finchUrl: "http://127.0.0.1:9" }),
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: url,
      NEXTAUTH_URL: url,
      FINCH_CONNECT_URL: "http://127.0.0.1:9",
      RESEND_BASE_URL: "http://127.0.0.1:9",
      // The continuous sweep would call Finch for the seeded connections in the middle of a round.
      SWEEP_CONTINUOUS: "off",
      ...extraEnv,
    },
  });
  const stop = () => stopChild(child);
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`the benchmark app exited early (code ${code})`))),
  );
  try {
    await Promise.race([waitForHttp(`${url}/login`, Date.now() + 90_000), exited]);
  } catch (error) {
    await stop();
    throw error;
  }
  exited.catch(() => undefined);
  return { url, pid: child.pid ?? 0, stop };
}
