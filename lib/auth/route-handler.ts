// Shared plumbing for JSON route handlers: who is asking, and errors as clean JSON (never a stack).
import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { getCurrentUser, getMembership, type CurrentMember } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { logError, withLogContext } from "@/lib/log";
import { refuseCrossSite } from "@/lib/http/same-origin";
import { jsonSecurityHeaders } from "@/lib/http/security-headers";

export async function memberForRoute(): Promise<CurrentMember> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  const membership = await getMembership(user.id);
  if (!membership) throw new AppError("forbidden", "Join an organization first.");
  return { ...user, role: membership.role, organization: membership.organization };
}

export function errorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    const headers =
      error.retryAfterSeconds !== undefined ? { "Retry-After": String(error.retryAfterSeconds) } : undefined;
    return NextResponse.json(
      { error: error.userMessage, code: error.code },
      { status: error.status, headers },
    );
  }
  logError("unhandled route error", error);
  return NextResponse.json(
    { error: "Something went wrong. Please try again.", code: "internal" },
    { status: 500 },
  );
}

/** Wraps a handler: cross-site writes are refused (see same-origin.ts), every failure becomes errorResponse. */
export function jsonRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    const [request] = args;
    const refused = request instanceof Request ? refuseCrossSite(request) : null;
    if (refused) return refused;
    // Every line logged while handling it carries the load balancer's request id, or a fresh one.
    const requestId = (request instanceof Request && request.headers.get("x-request-id")) || randomUUID();
    return withLogContext({ requestId: requestId.slice(0, 64) }, async () => {
      try {
        return await handler(...args);
      } catch (error) {
        return errorResponse(error);
      }
    });
  };
}

let securityHeaders: [string, string][] | undefined;

/** Sets the JSON security headers on an answer of a route the proxy skips (see proxy.ts). */
export function setJsonSecurityHeaders(response: Response): Response {
  securityHeaders ??= jsonSecurityHeaders({
    appUrl: env().APP_URL,
    production: env().NODE_ENV === "production",
  });
  for (const [name, value] of securityHeaders) response.headers.set(name, value);
  return response;
}

/** For a route the proxy skips (see proxy.ts): its own security headers on every answer. */
export function withJsonSecurityHeaders(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => setJsonSecurityHeaders(await handler(request));
}
