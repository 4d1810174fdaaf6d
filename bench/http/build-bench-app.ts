// The product's build plus baselines that exist only here: the sources are copied under the git-ignored
// .data folder, a bare POST route (twice: behind the proxy, and under /api/v1/, which the proxy skips as
// it skips the host API) and a bare dynamic page are added to the copy, and the copy is built with the
// same Next.js. Customers' builds never contain the baselines. The copy is rebuilt only when the
// product's sources changed since the last benchmark build.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { APP_SOURCES, isNotTest, sourceFingerprint } from "../../scripts/lib/source-fingerprint";

const ROOT = path.resolve(__dirname, "..", "..");
export const BENCH_APP_DIR = path.join(ROOT, ".data", "bench-http", "app");

export const BASELINE_ROUTE = "/api/bench-baseline";
/** The same bare route where the host API's routes are: past the same (absent) proxy. */
export const BASELINE_API_ROUTE = "/api/v1/bench-baseline";
export const BASELINE_PAGE = "/bench-baseline";

// The bare route handler: reads the body, answers JSON, touches nothing else.
const BASELINE_ROUTE_SOURCE = `export async function POST(request: Request) {
  const body = await request.text();
  return Response.json({ ok: true, bytes: body.length });
}
`;
// The bare dynamic page: rendered per request under the same root layout, no data, no client code.
const BASELINE_PAGE_SOURCE = `import { connection } from "next/server";

export default async function BareDynamicPage() {
  await connection();
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Bare dynamic page</h1>
      <p>Rendered at {new Date().toISOString()}</p>
    </main>
  );
}
`;

/** Builds the copy when needed and returns its folder (run `next start` there). */
export async function buildBenchApp(log: (line: string) => void): Promise<string> {
  const marker = path.join(BENCH_APP_DIR, ".next", "bench-fingerprint");
  const current = sourceFingerprint(
    ROOT,
    APP_SOURCES,
    BASELINE_ROUTE_SOURCE + BASELINE_PAGE_SOURCE + BASELINE_API_ROUTE,
  );
  const upToDate =
    fs.existsSync(path.join(BENCH_APP_DIR, ".next", "BUILD_ID")) &&
    fs.existsSync(marker) &&
    fs.readFileSync(marker, "utf8") === current;
  if (upToDate) {
    log("bench build: up to date");
    return BENCH_APP_DIR;
  }
  log("bench build: copying the sources and building (a few minutes on a busy machine)…");
  // The copy's .next stays: Next's build cache makes the next build faster.
  for (const entry of APP_SOURCES) {
    const from = path.join(ROOT, entry);
    const to = path.join(BENCH_APP_DIR, entry);
    fs.rmSync(to, { recursive: true, force: true });
    // Tests stay behind: they import test helpers the app never ships.
    if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true, filter: isNotTest });
  }
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(BENCH_APP_DIR, file)), { recursive: true });
    fs.writeFileSync(path.join(BENCH_APP_DIR, file), text);
  };
  write(`app${BASELINE_ROUTE}/route.ts`, BASELINE_ROUTE_SOURCE);
  write(`app${BASELINE_API_ROUTE}/route.ts`, BASELINE_ROUTE_SOURCE);
  write(`app${BASELINE_PAGE}/page.tsx`, BASELINE_PAGE_SOURCE);
  const started = Date.now();
  await promisify(execFile)(
    process.execPath,
    [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"],
    {
      cwd: BENCH_APP_DIR,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  fs.writeFileSync(marker, current);
  log(`bench build: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return BENCH_APP_DIR;
}
