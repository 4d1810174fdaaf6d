// Every /api/v1 route goes through apiRoute: the key is checked (401, 403, 429), the path, query and
// JSON body are validated against the endpoint's schemas (400 with the field named), and any failure
// becomes the API's error body; an unexpected one is logged and answers 500 with nothing changed.
// The proxy skips /api/v1 (proxy.ts), so the security headers are set here on every answer. The token
// read checks the key inside its own statement (apiRouteCheckingKeyItself): one round trip per read.
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { bearerKey } from "@/lib/api-keys/api-key-secret";
import {
  authenticateApiKey,
  presentApiKey,
  type ApiCaller,
  type Authentication,
  type PresentedKey,
} from "@/lib/api-keys/authenticate-api-key";
import { setJsonSecurityHeaders } from "@/lib/auth/route-handler";
import { env } from "@/lib/env";
import { logError, withLogContext } from "@/lib/log";
import { ApiError, apiErrorResponse, knownErrorResponse } from "./api-errors";
import type { EndpointSpec, Parsed } from "./define-endpoint";

/** Bulk imports of 10,000 items fit well inside; anything larger is refused before parsing. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface ApiRequest<P, Q, B> {
  request: Request;
  caller: ApiCaller;
  params: P;
  query: Q;
  body: B;
}

export interface ApiAnswer {
  status: number;
  /** Absent for 204. */
  body?: unknown;
  headers?: Record<string, string>;
}

type RouteContext = { params: Promise<Record<string, string>> };

export interface KeyedApiRequest<P, Q, B> extends Omit<ApiRequest<P, Q, B>, "caller"> {
  /** The presented key, for the handler's own statement to check (see `callerOrThrow`). */
  key: PresentedKey;
}

/** A schema of a path, query or body, or none. */
type S = z.ZodType | undefined;
type AnyEndpoint = EndpointSpec<S, S, S>;

export function apiRoute<P extends S, Q extends S, B extends S>(
  spec: EndpointSpec<P, Q, B>,
  handler: (input: ApiRequest<Parsed<P>, Parsed<Q>, Parsed<B>>) => Promise<ApiAnswer>,
) {
  return wrap(spec, async (request, context) => {
    const caller = await authenticate(request, spec);
    const input = await parseInput(spec, request, context);
    return handler({ request, caller, ...input });
  });
}

/**
 * For an endpoint whose own statement checks the key, so a request is one round trip (the token read):
 * the handler gets the presented key and must pass its verdict through `callerOrThrow`. A request that
 * fails validation is still answered 401/403/429 first when its key would be, as every endpoint does.
 */
export function apiRouteCheckingKeyItself<P extends S, Q extends S, B extends S>(
  spec: EndpointSpec<P, Q, B>,
  handler: (input: KeyedApiRequest<Parsed<P>, Parsed<Q>, Parsed<B>>) => Promise<ApiAnswer>,
) {
  return wrap(spec, async (request, context) => {
    const key = presentedKey(request);
    let input: ParsedInput<P, Q, B>;
    try {
      input = await parseInput(spec, request, context);
    } catch (invalid) {
      await authenticate(request, spec);
      throw invalid;
    }
    return handler({ request, key: presentApiKey(key), ...input });
  });
}

function wrap(spec: AnyEndpoint, run: (request: Request, context: RouteContext) => Promise<ApiAnswer>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const requestId = (request.headers.get("x-request-id") || randomUUID()).slice(0, 64);
    const response = await withLogContext({ requestId }, async () => {
      try {
        return toResponse(await run(request, context));
      } catch (error) {
        const known = knownErrorResponse(error);
        if (known) return known;
        logError(`api ${spec.operationId} failed`, error);
        return apiErrorResponse("internal", "Something went wrong on our side; nothing was changed.");
      }
    });
    return setJsonSecurityHeaders(response);
  };
}

interface ParsedInput<P extends S, Q extends S, B extends S> {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
}

async function parseInput<P extends S, Q extends S, B extends S>(
  spec: EndpointSpec<P, Q, B>,
  request: Request,
  context: RouteContext,
): Promise<ParsedInput<P, Q, B>> {
  const params = validate(spec.params, await context.params, "path");
  // The URL is parsed only for an endpoint that reads its query.
  const query = spec.query
    ? validate(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query")
    : undefined;
  const body = spec.body ? validate(spec.body, await readJson(request), "body") : undefined;
  return { params: params as Parsed<P>, query: query as Parsed<Q>, body: body as Parsed<B> };
}

function presentedKey(request: Request): string {
  const key = bearerKey(request.headers.get("authorization"));
  if (!key) throw new ApiError("unauthorized", "Send an API key as Authorization: Bearer <key>.");
  return key;
}

/** The caller a verdict allows for this endpoint's scope; otherwise the error to answer (401, 429, 403). */
export function callerOrThrow(verdict: Authentication, spec: Pick<AnyEndpoint, "scope">): ApiCaller {
  if (verdict.kind === "unknown") throw new ApiError("unauthorized", "This API key is unknown or revoked.");
  if (verdict.kind === "limited") {
    throw new ApiError("rate_limited", "Too many requests for this API key.", verdict.retryAfterSeconds);
  }
  if (!verdict.caller.scopes.includes(spec.scope)) {
    throw new ApiError("forbidden", `This API key lacks the scope ${spec.scope}.`);
  }
  return verdict.caller;
}

async function authenticate(request: Request, spec: AnyEndpoint): Promise<ApiCaller> {
  return callerOrThrow(
    await authenticateApiKey(presentedKey(request), env().API_KEY_REQUESTS_PER_MINUTE),
    spec,
  );
}

function validate(schema: S, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : where;
  throw new ApiError("invalid_request", `${field}: ${issue?.message ?? "is not valid"}.`);
}

async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ApiError("invalid_request", "The body is larger than 8 MB.");
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError("invalid_request", "The body is larger than 8 MB.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_request", "The body is not valid JSON.");
  }
}

function toResponse({ status, body, headers }: ApiAnswer): Response {
  const allHeaders = { "Cache-Control": "no-store", ...headers };
  if (body === undefined) return new Response(null, { status, headers: allHeaders });
  return Response.json(body, { status, headers: allHeaders });
}
