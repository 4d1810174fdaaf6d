// The pairs the http suite compares, each product path against its baseline in the same run and
// build: bare POST route vs webhook ingest, bare dynamic page vs signed-in dashboard, full answer vs
// 304 for /api/connections.
import crypto from "node:crypto";
import { DEVELOPMENT_CREDENTIALS } from "@/emulators/shared/development-credentials";
import { signWebhook } from "@/emulators/finch/webhooks/sign-webhook";
import { BASELINE_PAGE, BASELINE_ROUTE } from "./build-bench-app";
import type { LoadRequest } from "./measure-load";
import type { BenchData } from "./seed-bench-data";

/** A signed account.updated ("connected") for a known connection; a fresh event id unless one is given. */
export function signedWebhook(
  data: Pick<BenchData, "finchConnectionId">,
  eventId = `evt_${crypto.randomUUID()}`,
) {
  const body = JSON.stringify({
    event_type: "account.updated",
    connection_id: data.finchConnectionId,
    company_id: "bench-company",
    account_id: "bench-account",
    data: { status: "connected", authentication_method: "assisted" },
  });
  const headers = signWebhook(
    DEVELOPMENT_CREDENTIALS.FINCH_WEBHOOK_SECRET,
    eventId,
    Math.floor(Date.now() / 1000),
    body,
  );
  return { body, headers: { "content-type": "application/json", ...headers } };
}

export interface Pair {
  /** For --parts (or "pairs" for all of them) and the summary line. */
  key: "webhook" | "dashboard" | "polling";
  label: string;
  name: string;
  /** The status each side must answer: [baseline, product]. */
  expected: [number, number];
  baseline: LoadRequest;
  product: LoadRequest;
  /** "throughput": product req/s ÷ baseline req/s; "p95": product p95 ÷ baseline p95. */
  compare: "throughput" | "p95" | "cost";
  goal: { atLeast?: number; atMost?: number };
}

/** `etag` is read per request: the webhook pair's touches change it, so it is fetched before polling. */
export function httpPairs(data: BenchData, etag: () => string): Pair[] {
  const signedIn = { cookie: data.sessionCookie };
  return [
    {
      key: "webhook",
      label: "webhook",
      expected: [200, 200],
      name: "webhook ingest vs bare POST route (throughput)",
      // The baseline gets the same signed body, so building requests costs both sides alike.
      baseline: { method: "POST", path: BASELINE_ROUTE, next: () => signedWebhook(data) },
      product: { method: "POST", path: "/api/finch/webhook", next: () => signedWebhook(data) },
      compare: "throughput",
      goal: { atLeast: 0.5 },
    },
    {
      key: "dashboard",
      label: "dashboard p95",
      expected: [200, 200],
      name: "signed-in dashboard vs bare dynamic page (p95 at load)",
      baseline: { method: "GET", path: BASELINE_PAGE, headers: signedIn },
      product: { method: "GET", path: "/", headers: signedIn },
      compare: "p95",
      goal: { atMost: 1.5 },
    },
    {
      key: "polling",
      label: "polling 304 cost",
      expected: [200, 304],
      name: "polling 304 vs full /api/connections (cost per request)",
      baseline: { method: "GET", path: "/api/connections", headers: signedIn },
      product: {
        method: "GET",
        path: "/api/connections",
        headers: signedIn,
        next: () => ({ headers: { "if-none-match": etag() } }),
      },
      // Cost = 1 / throughput, so the ratio is full req/s ÷ 304 req/s.
      compare: "cost",
      goal: { atMost: 0.6 },
    },
  ];
}
