// The operator console's pages as operators wait for them, against the customer dashboard as its
// customers wait for it: the http suite's build (bench/http/build-bench-app.ts) started with
// `next start` on the seeded fleet's database, each page loaded over HTTP by autocannon, signed in
// (an operator for /operator and /operator/funnel, the owner of a fleet organization for /). The
// three take turns in every round; the best round of each is kept, and p95 is compared.
import { Client } from "pg";
import { insertSession } from "../bench-setup";
import { buildBenchApp } from "../http/build-bench-app";
import { bestRound, describeLoad, measureLoad, type LoadResult } from "../http/measure-load";
import { processCpuMs } from "../http/process-cpu";
import { startBenchApp } from "../http/start-bench-app";
import { cleanUpOnSignal } from "../http/stop-on-signal";

export interface PageLoadSettings {
  databaseUrl: string;
  /** A user of the seeded fleet who owns an organization (the customer side). */
  customerUserId: string;
  durationSeconds: number;
  connections: number;
  rounds: number;
}

export interface PageFigures {
  dashboard: LoadResult;
  overview: LoadResult;
  funnel: LoadResult;
  problems: string[];
}

const OPERATOR_EMAIL = "operator@bench.example";

/** A next-auth database session for a user (created first when asked), as its cookie. */
async function sessionCookie(databaseUrl: string, userId: string, email?: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    if (email)
      await client.query(
        `INSERT INTO "User" (id, email, "emailVerified") VALUES ($1, $2, now()) ON CONFLICT DO NOTHING`,
        [userId, email],
      );
    return await insertSession(client, userId);
  } finally {
    await client.end();
  }
}

export async function measureOperatorPages(settings: PageLoadSettings): Promise<PageFigures> {
  const appDir = await buildBenchApp(console.log);
  const customer = await sessionCookie(settings.databaseUrl, settings.customerUserId);
  const operator = await sessionCookie(settings.databaseUrl, "bench-operator", OPERATOR_EMAIL);
  const app = await startBenchApp(appDir, settings.databaseUrl, { OPERATOR_EMAILS: OPERATOR_EMAIL });
  const forget = cleanUpOnSignal(() => app.stop());
  const problems: string[] = [];
  const pages = {
    dashboard: { path: "/", cookie: customer, shows: "Payroll connections" },
    overview: { path: "/operator", cookie: operator, shows: "Broken connections" },
    funnel: { path: "/operator/funnel", cookie: operator, shows: "Repair funnel" },
  };
  type Name = keyof typeof pages;
  const names = Object.keys(pages) as Name[];
  try {
    // Each page answers as it should before anything is timed.
    for (const name of names) {
      const { path, cookie, shows } = pages[name];
      const response = await fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });
      const body = await response.text();
      if (response.status !== 200 || !body.includes(shows))
        problems.push(`${path} answered ${response.status} without "${shows}"`);
      console.log(`  ${path}: ${(Buffer.byteLength(body) / 1000).toFixed(1)} kB of HTML`);
    }
    const load = (name: Name, durationSeconds: number) =>
      measureLoad({
        baseUrl: app.url,
        connections: settings.connections,
        durationSeconds,
        request: { method: "GET", path: pages[name].path, headers: { cookie: pages[name].cookie } },
      });
    for (const name of names) await load(name, 2); // warm: JIT, plans, pools
    const results = Object.fromEntries(names.map((name) => [name, [] as LoadResult[]])) as Record<
      Name,
      LoadResult[]
    >;
    for (let round = 1; round <= settings.rounds; round++) {
      for (const name of names) {
        const cpuBefore = processCpuMs(app.pid);
        const result = await load(name, settings.durationSeconds);
        const cpuMs = (processCpuMs(app.pid) ?? NaN) - (cpuBefore ?? NaN);
        results[name].push(result);
        const perRequest = `server CPU ${(cpuMs / Math.max(1, result.requests)).toFixed(2)} ms a request`;
        console.log(`  ${pages[name].path}, round ${round}: ${describeLoad(result)}, ${perRequest}`);
        const other = result.requests - (result.statuses[200] ?? 0);
        if (result.requests === 0 || other > 0 || result.errors > 0)
          problems.push(`${pages[name].path}: ${other} answers other than 200, ${result.errors} errors`);
      }
    }
    return {
      dashboard: bestRound(results.dashboard, "p95"),
      overview: bestRound(results.overview, "p95"),
      funnel: bestRound(results.funnel, "p95"),
      problems,
    };
  } finally {
    forget();
    await app.stop();
  }
}
