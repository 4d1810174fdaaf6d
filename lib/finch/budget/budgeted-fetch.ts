// The fetch every Finch SDK client uses (lib/finch/finch-client.ts): each HTTP request, SDK retries
// included, first takes its permit from the shared budget, and a 429 from Finch pauses its class for
// every instance. When the budget says no, the answer looks like Finch's own 429 (with Retry-After
// and `x-should-retry: false`), so every caller already knows what to do with it.
import "server-only";
import type { Span } from "@opentelemetry/api";
import { logError, logInfo } from "@/lib/log";
import { finchEndpointLabel, metrics } from "@/lib/observability/metrics";
import { withSpan } from "@/lib/observability/tracing";
import { acquireFinchPermit } from "./acquire-finch-permit";
import { budgetRefusal } from "./budget-refusal";
import { currentFinchPriority } from "./finch-priority";
import { pauseBudgetClass } from "./pause-budget-class";

function requestUrl(input: string | URL | Request): URL {
  return new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
}

function retryAfter(response: Response): number | undefined {
  const value = response.headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

async function finchCodeOf(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.clone().json();
    return body && typeof body === "object" && "finch_code" in body && typeof body.finch_code === "string"
      ? body.finch_code
      : undefined;
  } catch {
    return undefined;
  }
}

export function budgetedFetch(baseFetch: typeof fetch = fetch) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const { pathname } = requestUrl(input);
    const endpoint = finchEndpointLabel(pathname);
    return withSpan("finch.request", { "finch.endpoint": endpoint }, async (span) => {
      const waitStarted = performance.now();
      const priority = currentFinchPriority();
      const permit = await acquireFinchPermit({ path: pathname, priority });
      const waitedMs = performance.now() - waitStarted;
      span?.setAttribute("finch.permit_wait_ms", Math.round(waitedMs));
      metrics().finchPermits.inc({ priority, outcome: permit.kind });
      metrics().finchPermitWait.inc({ priority }, waitedMs / 1000);
      if (permit.kind === "refused") {
        countFinchRequest(endpoint, "budget_refused", span);
        return budgetRefusal(permit.retryAfterSeconds, permit.reason);
      }
      const response = await baseFetch(input, init);
      countFinchRequest(endpoint, String(response.status), span);
      return response.status === 429 ? onRateLimited(response, pathname) : response;
    });
  };
}

function countFinchRequest(endpoint: string, status: string, span: Span | undefined): void {
  metrics().finchRequests.inc({ endpoint, status });
  span?.setAttribute("http.response.status_code", status);
}

async function onRateLimited(response: Response, pathname: string): Promise<Response> {
  metrics().finchRateLimited.inc();
  const answer = {
    path: pathname,
    finchCode: await finchCodeOf(response),
    retryAfterSeconds: retryAfter(response),
  };
  try {
    const paused = await pauseBudgetClass(answer);
    if (paused)
      logInfo(
        `finch budget: Finch answered 429 ${answer.finchCode ?? ""}; ${paused.key} paused ${paused.seconds} s`,
      );
  } catch (error) {
    logError("finch budget: could not record Finch's 429", error);
  }
  // The class is paused for everyone, so the SDK must not sit out Retry-After to try again.
  const headers = new Headers(response.headers);
  headers.set("x-should-retry", "false");
  return new Response(response.body, { status: 429, statusText: response.statusText, headers });
}
