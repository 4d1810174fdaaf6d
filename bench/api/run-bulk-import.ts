// The bulk import part of the api suite: tokens minted by the stand-in (rate limits on), one
// POST /api/v1/connections/import with all of them, the report polled until the import completes, and
// meanwhile interactive permits timed, to show the background import never starves a customer.
import type { RateLimitUsage } from "@/emulators/finch/rate-limits/finch-rate-limiter";
import { mintSandboxConnections } from "../bench-setup";

export interface BulkImportFigures {
  tokens: number;
  seconds: number;
  status: string;
  succeeded: number;
  failed: number;
  finch429s: number;
  peakPerWindow: number;
  finchLimit: number;
  budget: number;
  windowSeconds: number;
  interactiveWaits: number[];
  interactiveRefused: number;
}

interface Report {
  import: { status: string; succeeded: number; failed: number; pending: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function runBulkImport(options: {
  appUrl: string;
  finchUrl: string;
  apiKey: string;
  tokens: number;
  timeLimitSeconds: number;
  progress: (line: string) => void;
}): Promise<BulkImportFigures> {
  const { appUrl, finchUrl, apiKey, progress } = options;
  const { acquireFinchPermit } = await import("@/lib/finch/budget/acquire-finch-permit");
  const { budgetClass } = await import("@/lib/finch/budget/budget-classes");
  const minted = await mintSandboxConnections({ finchUrl, count: options.tokens, employeeSize: 5 });
  progress(`minted ${minted.length} sandbox tokens`);
  const items = minted.map((connection, i) => ({
    organization: { external_id: `bench-${i}`, name: `Bench customer ${i}` },
    access_token: connection.access_token,
    admin_emails: [],
  }));
  const headers = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
  const started = performance.now();
  const accepted = await json<{ import: { id: string } }>(
    await fetch(`${appUrl}/api/v1/connections/import`, {
      method: "POST",
      headers,
      body: JSON.stringify({ items }),
    }),
  );
  progress(`import ${accepted.import.id} accepted in ${(performance.now() - started).toFixed(0)} ms`);

  // A customer's calls while the import runs: each interactive permit timed, then used.
  const waits: number[] = [];
  let refused = 0;
  let running = true;
  const interactive = (async () => {
    for (let i = 0; running; i++) {
      const asked = performance.now();
      const permit = await acquireFinchPermit({ path: "/introspect", priority: "interactive" });
      waits.push(performance.now() - asked);
      if (permit.kind === "refused") refused++;
      else
        await fetch(`${finchUrl}/introspect`, {
          headers: { authorization: `Bearer ${minted[i % items.length].access_token}` },
        });
      await sleep(500);
    }
  })();

  let report: Report["import"] = { status: "queued", succeeded: 0, failed: 0, pending: items.length };
  const deadline = Date.now() + options.timeLimitSeconds * 1000;
  while (report.status !== "completed" && Date.now() < deadline) {
    await sleep(1000);
    report = (await json<Report>(await fetch(`${appUrl}/api/v1/imports/${accepted.import.id}`, { headers })))
      .import;
    progress(
      `import ${report.status}: ${report.succeeded} imported, ${report.failed} failed, ${report.pending} pending`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await interactive;
  const usage = await json<RateLimitUsage>(await fetch(`${finchUrl}/_emulator/rate-limits`));
  const ip = budgetClass("ip");
  return {
    tokens: items.length,
    seconds,
    status: report.status,
    succeeded: report.succeeded,
    failed: report.failed,
    finch429s: usage.refused.finch_api_ip_rl + usage.refused.finch_application_rl,
    peakPerWindow: Math.max(0, ...usage.ip.addresses.map((address) => address.peak)),
    finchLimit: usage.ip.limit,
    budget: ip.budget,
    windowSeconds: ip.windowSeconds,
    interactiveWaits: waits,
    interactiveRefused: refused,
  };
}
