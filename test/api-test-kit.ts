// Calling /api/v1 route handlers in integration tests: a key with chosen scopes, and callApi, which
// builds the request (JSON body, path params, bearer key), reads the answer back as JSON and checks it
// against the OpenAPI document (status documented, body as documented).
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import type { ApiScope } from "@/lib/api-keys/api-scopes";
import { checkAgainstContract } from "./api-contract-check";
import { uniqueSuffix } from "./finch-test-kit";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function apiKeyForTests(scopes?: ApiScope[]): Promise<{ key: string; id: string }> {
  const { key, apiKey } = await createApiKey({ name: `test ${uniqueSuffix()}`, scopes });
  return { key, id: apiKey.id };
}

export interface ApiCall {
  /** The path and query, e.g. /api/v1/connections?status=reauth. */
  url: string;
  method?: "GET" | "POST" | "DELETE";
  /** null: no Authorization header. */
  key: string | null;
  /** An object is sent as JSON; a string as it is (for malformed JSON). */
  body?: unknown;
  params?: Record<string, string>;
}

export interface ApiAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function callApi<T = Record<string, unknown>>(
  handler: Handler,
  call: ApiCall,
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (call.key !== null) headers.authorization = `Bearer ${call.key}`;
  if (call.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${call.url}`, {
    method: call.method ?? (call.body === undefined ? "GET" : "POST"),
    headers,
    body:
      call.body === undefined
        ? undefined
        : typeof call.body === "string"
          ? call.body
          : JSON.stringify(call.body),
  });
  const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  checkAgainstContract({ method: request.method, url: call.url, status: response.status, body });
  return { status: response.status, headers: response.headers, body: body as T };
}
