// API benchmark: the benchmark build (`next start`, job workers on) on a throwaway PostgreSQL against
// the Finch stand-in with Finch's rate limits on, every window scaled down alike so a 5,000-token bulk
// import takes a minute or two. It reports how long the import takes, the stand-in's 429s (must be 0)
// and the peak calls per window, then the token read's p95 against a bare route handler.
// Options: --tokens=5000 --scale=0.03 --requests=2000 --connections=10 --rounds=2 --import-limit=600
import { createTestDatabase } from "../test/test-database";
import { runBulkImport } from "./api/run-bulk-import";
import { measureTokenRead, TOKEN_READ_GOAL } from "./api/measure-token-read";
import { assertLoopback, benchAppEnv } from "./bench-setup";
import { startFinchProcess } from "./finch-process";
import { buildBenchApp } from "./http/build-bench-app";
import { startBenchApp } from "./http/start-bench-app";
import { cleanUpOnSignal } from "./http/stop-on-signal";

function option(name: string, fallback: string): number {
  const prefix = `--${name}=`;
  return Number(process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback);
}

const TOKENS = option("tokens", "5000");
const SCALE = option("scale", "0.03");
const t0 = Date.now();
const progress = (line: string) =>
  process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${line}\n`);

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}

async function main(): Promise<number> {
  const appDir = await buildBenchApp(progress);
  const database = await createTestDatabase({ kind: "postgresql", prefix: "finch_reconnect_api_bench" });
  const forget = cleanUpOnSignal(() => database.drop());
  const finch = await startFinchProcess({
    FINCH_EMULATOR_RATE_LIMITS: "on",
    FINCH_EMULATOR_RATE_LIMIT_SCALE: String(SCALE),
  });
  let app: { url: string; stop(): Promise<void> } | undefined;
  try {
    assertLoopback(database.url);
    assertLoopback(finch.url);
    const shared = { FINCH_BUDGET_WINDOW_SCALE: String(SCALE), API_KEY_REQUESTS_PER_MINUTE: "1000000" };
    Object.assign(process.env, benchAppEnv({ databaseUrl: database.url, finchUrl: finch.url }), shared);
    app = await startBenchApp(appDir, database.url, { ...shared, FINCH_BASE_URL: finch.url });
    progress(`app ready at ${app.url}`);
    const { createApiKey } = await import("@/lib/api-keys/manage-api-keys");
    const { db } = await import("@/lib/db");
    const writer = await createApiKey({
      name: "bench import",
      scopes: ["connections:write", "connections:read"],
    });
    const reader = await createApiKey({ name: "bench token read", scopes: ["tokens:read"] });

    const imported = await runBulkImport({
      appUrl: app.url,
      finchUrl: finch.url,
      apiKey: writer.key,
      tokens: TOKENS,
      timeLimitSeconds: option("import-limit", "600"),
      progress,
    });
    const importOk =
      imported.status === "completed" &&
      imported.succeeded === TOKENS &&
      imported.finch429s === 0 &&
      imported.peakPerWindow <= imported.budget;
    console.log(
      `api import: ${imported.tokens} tokens in ${imported.seconds.toFixed(1)} s (${(imported.succeeded / imported.seconds).toFixed(1)}/s), ${imported.status}, ${imported.succeeded} imported, ${imported.failed} failed | stand-in 429s ${imported.finch429s}, peak ${imported.peakPerWindow} calls per ${imported.windowSeconds} s window (Finch limit ${imported.finchLimit}, our budget ${imported.budget}) | interactive permits during the import: ${imported.interactiveWaits.length}, p95 wait ${p95(imported.interactiveWaits).toFixed(0)} ms, ${imported.interactiveRefused} refused`,
    );

    const sample = await db().connection.findFirst({ select: { id: true }, orderBy: { id: "asc" } });
    const read = sample
      ? await measureTokenRead({
          appUrl: app.url,
          apiKey: reader.key,
          connectionId: sample.id,
          connections: option("connections", "10"),
          requests: option("requests", "2000"),
          rounds: option("rounds", "2"),
          progress,
        })
      : ({ kind: "absent", status: 0 } as const);
    if (read.kind === "absent") {
      console.log(
        `api token read: POST /api/v1/connections/{id}/access-token answered ${read.status} in this build: not measured`,
      );
    } else {
      const met = read.ratio <= TOKEN_READ_GOAL;
      console.log(
        `api token read: p95 ${read.product.p95.toFixed(1)} ms vs bare route ${read.baseline.p95.toFixed(1)} ms = ${read.ratio.toFixed(2)}x (goal ≤ ${TOKEN_READ_GOAL} ${met ? "met" : "MISSED"}; ${read.product.perSecond.toFixed(0)} vs ${read.baseline.perSecond.toFixed(0)} req/s, ${option("connections", "10")} connections, ${option("requests", "2000")} requests a round | bare route behind the proxy: p95 ${read.proxied.p95.toFixed(1)} ms, ${read.proxied.perSecond.toFixed(0)} req/s)`,
      );
      for (const problem of read.problems) console.error(`api token read: ${problem}`);
    }
    await db().$disconnect();
    return importOk && (read.kind === "absent" || read.problems.length === 0) ? 0 : 1;
  } finally {
    await app?.stop();
    await finch.stop();
    forget();
    await database.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`api benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
