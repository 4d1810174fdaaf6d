// The shared budget's "no": shaped like Finch's own 429 (Retry-After, and x-should-retry: false so
// the SDK does not retry it), marked with a header so logs and errors can tell it from Finch's.
export const BUDGET_REFUSAL_HEADER = "x-finch-budget";

export function budgetRefusal(retryAfterSeconds: number, reason: string): Response {
  const body = {
    code: 429,
    name: "rate_limit_exceeded_error",
    finch_code: "local_budget",
    message: `Held back by the shared Finch call budget (${reason})`,
  };
  return new Response(JSON.stringify(body), {
    status: 429,
    headers: {
      "content-type": "application/json",
      "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))),
      "x-should-retry": "false",
      [BUDGET_REFUSAL_HEADER]: reason,
    },
  });
}
