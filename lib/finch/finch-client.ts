// Finch SDK clients configured from the environment; the base URL is the only difference between
// the local stand-in and production.
import "server-only";
import Finch from "@tryfinch/finch-api";
import { env } from "@/lib/env";
import { budgetedFetch } from "@/lib/finch/budget/budgeted-fetch";

function options() {
  const { FINCH_CLIENT_ID, FINCH_CLIENT_SECRET, FINCH_WEBHOOK_SECRET, FINCH_BASE_URL } = env();
  return {
    clientID: FINCH_CLIENT_ID,
    clientSecret: FINCH_CLIENT_SECRET,
    webhookSecret: FINCH_WEBHOOK_SECRET,
    baseURL: FINCH_BASE_URL,
    // The gateway decides about retries (429 honours Retry-After at the job level); one quick retry
    // smooths over a blip without holding a request open for long.
    maxRetries: 1,
    timeout: 20_000,
    logLevel: "off" as const,
    // Every request takes a permit from the budget all instances share; nothing reaches Finch without one.
    fetch: budgetedFetch(),
  };
}

/** A client authenticated as our application (Connect sessions, code exchange, webhooks). */
export function finchAppClient(): Finch {
  return new Finch(options());
}

/** A client acting for one connection; the token never leaves server memory. */
export function finchConnectionClient(accessToken: string): Finch {
  return new Finch({ ...options(), accessToken });
}
