// Shared plumbing for JSON route handlers: who is asking, and errors as clean JSON (never a stack).
import "server-only";
import { NextResponse } from "next/server";
import { getCurrentUser, getMembership, type CurrentMember } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { refuseCrossSite } from "./same-origin";

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
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
