// npm run bench [-- --suite=NAME] [-- --connections=N --latency=MS --concurrency=4,8 --db=auto|postgresql|pglite]
// npm run bench -- --suite=http [--duration=S --connections=N --rounds=N --burst=N --db=all|postgresql|pglite --quick]
// npm run bench -- --suite=api [--tokens=5000 --scale=0.03 --requests=N --connections=N --rounds=N]
// Runs each benchmark in its own process (with the react-server condition, as Next.js runs server
// modules, so `server-only` imports load) and stops it if it ever outlives its time limit.
import { spawn } from "node:child_process";
import path from "node:path";
import { stopChild } from "../scripts/lib/processes";

// One entry per suite; `--suite=NAME` runs one, no flag runs them all.
const SUITES: Record<string, { file: string; timeLimitMinutes: number }> = {
  sweep: { file: "sweep.bench.ts", timeLimitMinutes: 5 },
  // The app's build (minutes on a busy machine, skipped when up to date), three instances, seeding
  // 100,000 connections, then the measured window (10 minutes by default).
  fleet: { file: "fleet.bench.ts", timeLimitMinutes: 45 },
  // Builds the app (minutes on a busy machine), then about 3 minutes of load per database.
  http: { file: "http.bench.ts", timeLimitMinutes: 25 },
  // Seeds 100,000 connections in SQL (tens of seconds), then a few runs of each query.
  operator: { file: "operator.bench.ts", timeLimitMinutes: 5 },
  // Builds the app (minutes), a bulk import of 5,000 tokens (a minute or two), then the token read's load.
  api: { file: "api.bench.ts", timeLimitMinutes: 30 },
};

function runBenchmark({
  file,
  timeLimitMinutes,
}: {
  file: string;
  timeLimitMinutes: number;
}): Promise<number> {
  const TIME_LIMIT_MS = timeLimitMinutes * 60_000;
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(__dirname, file), ...benchmarkArgs()],
      {
        cwd: path.resolve(__dirname, ".."),
        stdio: "inherit",
      },
    );
    const timer = setTimeout(() => {
      console.error(`${file}: still running after ${TIME_LIMIT_MS / 1000} s, stopping it`);
      // SIGTERM lets it stop what it started; SIGKILL if it has not exited 30 s later.
      void stopChild(child, 30_000);
    }, TIME_LIMIT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

function benchmarkArgs(): string[] {
  return process.argv.slice(2).filter((arg) => !arg.startsWith("--suite="));
}

function chosenSuites(): string[] {
  const flag = process.argv.slice(2).find((arg) => arg.startsWith("--suite="));
  if (!flag) return Object.keys(SUITES);
  const name = flag.slice("--suite=".length);
  if (!(name in SUITES)) {
    console.error(`unknown suite "${name}"; known: ${Object.keys(SUITES).join(", ")}`);
    process.exit(2);
  }
  return [name];
}

async function main() {
  let failed = 0;
  for (const suite of chosenSuites()) if ((await runBenchmark(SUITES[suite])) !== 0) failed++;
  process.exit(failed > 0 ? 1 : 0);
}

void main();
