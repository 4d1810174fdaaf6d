// Customers signed in on every instance, clicking during the sweep through the real HTTP routes:
// "Check status now" and "Sync now" (the dashboard's server actions), and Reconnect (the action that
// opens Finch Connect, the sign-in on the stand-in's Connect page, then the product's callback, which
// exchanges the code, introspects and takes the repair receipt). Every product request is timed.
import type { Client } from "pg";
import { benchId, seedOwnerWithSession } from "../bench-setup";
import { answerField, callServerAction } from "./server-actions";

// Every product a reconnect's repair receipt reads, payment included (the 12-a-minute class).
const PRODUCTS = ["company", "directory", "individual", "employment", "payment", "pay_statement"];
const CONNECT_PASSWORD = "letmein";

export interface Customer {
  baseUrl: string;
  cookie: string;
  connectionIds: string[];
}

export type ClickKind = "check" | "sync" | "reconnect";

export interface ClickStats {
  /** Milliseconds of each request to the product. */
  latencies: number[];
  /** The same, by request: check, sync, the reconnect's launch and its callback. */
  byRequest: Record<string, number[]>;
  /** Requests that started before this (performance.now()) are not counted. */
  since: number;
  ok: Record<ClickKind, number>;
  refused: number;
  failed: number;
  failures: string[];
}

export const emptyClickStats = (): ClickStats => ({
  latencies: [],
  byRequest: {},
  since: performance.now(),
  ok: { check: 0, sync: 0, reconnect: 0 },
  refused: 0,
  failed: 0,
  failures: [],
});

type Seal = (
  connectionId: string,
  token: string,
) => { accessTokenCiphertext: string; accessTokenKeyId: string };

/** One organization per instance with its signed-in owner and a few connections of its own. */
export async function seedCustomers(options: {
  client: Client;
  finchUrl: string;
  instanceUrls: string[];
  connectionsEach: number;
  seal: Seal;
  createSandbox: (products: string[]) => Promise<{ connection_id: string; access_token: string }>;
}): Promise<Customer[]> {
  const { client } = options;
  const customers: Customer[] = [];
  for (const baseUrl of options.instanceUrls) {
    const { organizationId, cookie } = await seedOwnerWithSession(client, `Customer on ${baseUrl}`);
    const connectionIds: string[] = [];
    for (let i = 0; i < options.connectionsEach; i++) {
      const created = await options.createSandbox(PRODUCTS);
      const connectionId = benchId("con");
      const sealed = options.seal(connectionId, created.access_token);
      await client.query(
        `INSERT INTO "Connection" (id, "organizationId", "finchConnectionId", "providerId", "providerName", products,
           "accessTokenCiphertext", "accessTokenKeyId", "lastCheckedAt", "nextCheckAt", "statusSince", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, 'gusto', 'Gusto', $4, $5, $6, now() AT TIME ZONE 'UTC',
           (now() AT TIME ZONE 'UTC') + interval '30 days', (now() AT TIME ZONE 'UTC') - interval '60 days',
           (now() AT TIME ZONE 'UTC') - interval '60 days', now() AT TIME ZONE 'UTC')`,
        [
          connectionId,
          organizationId,
          created.connection_id,
          PRODUCTS,
          sealed.accessTokenCiphertext,
          sealed.accessTokenKeyId,
        ],
      );
      connectionIds.push(connectionId);
    }
    customers.push({ baseUrl, cookie, connectionIds });
  }
  return customers;
}

const REFUSAL = /try again|too many|busy|rate/i;

async function timed<T>(stats: ClickStats, request: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    const ms = performance.now() - started;
    if (started >= stats.since) {
      stats.latencies.push(ms);
      (stats.byRequest[request] ??= []).push(ms);
    }
  }
}

function fail(stats: ClickStats, what: string, message: string): void {
  if (REFUSAL.test(message)) stats.refused++;
  else stats.failed++;
  if (stats.failures.length < 10) stats.failures.push(`${what}: ${message.slice(0, 160)}`);
}

async function action(
  customer: Customer,
  stats: ClickStats,
  request: string,
  actionId: string,
  fields?: Record<string, string>,
) {
  const answer = await timed(stats, request, () =>
    callServerAction({ baseUrl: customer.baseUrl, actionId, cookie: customer.cookie, fields }),
  );
  return answer;
}

/** Reconnect end to end; only the two requests to the product are timed (Connect is Finch's page). */
async function reconnect(customer: Customer, stats: ClickStats, actionId: string, connectionId: string) {
  const launched = await action(customer, stats, "launch", actionId, { connectionId });
  if (launched.kind === "error") return fail(stats, "reconnect", launched.message);
  const connectUrl = answerField(launched.body, "url");
  if (!connectUrl) return fail(stats, "reconnect", "no Connect URL in the answer");
  const signIn = await fetch(connectUrl, {
    method: "POST",
    body: new URLSearchParams({ username: "bench-owner", password: CONNECT_PASSWORD, action: "connect" }),
    redirect: "manual",
  });
  const callback = signIn.headers.get("location");
  if (!callback?.startsWith(`${customer.baseUrl}/api/finch/callback`))
    return fail(stats, "reconnect", `Connect answered ${signIn.status} without the callback`);
  const back = await timed(stats, "callback", () =>
    fetch(callback, { headers: { cookie: customer.cookie }, redirect: "manual" }),
  );
  const result = new URL(back.headers.get("location") ?? "/", customer.baseUrl).searchParams.get("connect");
  if (result === "reconnected") stats.ok.reconnect++;
  else fail(stats, "reconnect", `callback ended with ${result ?? back.status}`);
}

/** Clicks one button every `periodMs` (check, sync, reconnect in turn) until `running()` says stop. */
export async function clickSteadily(options: {
  customer: Customer;
  actionIds: Record<"checkStatusNowAction" | "syncConnectionAction" | "reconnectAction", string>;
  periodMs: number;
  running: () => boolean;
  stats: ClickStats;
}): Promise<void> {
  const { customer, actionIds, stats } = options;
  for (let turn = 0; options.running(); turn++) {
    const next = Date.now() + options.periodMs;
    const connectionId = customer.connectionIds[Math.floor(turn / 3) % customer.connectionIds.length]!;
    try {
      if (turn % 3 === 0) {
        const answer = await action(customer, stats, "check", actionIds.checkStatusNowAction);
        if (answer.kind === "success") stats.ok.check++;
        else fail(stats, "check", answer.message);
      } else if (turn % 3 === 1) {
        const answer = await action(customer, stats, "sync", actionIds.syncConnectionAction, {
          connectionId,
        });
        if (answer.kind === "success") stats.ok.sync++;
        else fail(stats, "sync", answer.message);
      } else await reconnect(customer, stats, actionIds.reconnectAction, connectionId);
    } catch (error) {
      fail(stats, "request", error instanceof Error ? error.message : String(error));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
  }
}
