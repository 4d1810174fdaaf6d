// GET /api/finch/callback – exchange a Finch Connect code for a token and return to the dashboard
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { completeConnect } from "@/lib/finch/connect/complete-connect";
import { recordConnectError } from "@/lib/finch/connect/record-connect-error";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import { withSpan } from "@/lib/observability/tracing";
import { safeLocalPath } from "@/lib/safe-redirect";

const callbackSchema = z.object({
  code: z.string().min(1).max(2048).optional(),
  state: z.string().min(1).max(512).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

function back(path: string, result: string): NextResponse {
  const url = new URL(safeLocalPath(path), env().APP_URL);
  url.searchParams.set("connect", result);
  return NextResponse.redirect(url, { status: 303 });
}

export async function GET(request: NextRequest) {
  const parsed = callbackSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return back("/", "invalid_request");
  const { code, state, error, error_description: description } = parsed.data;
  const user = await getCurrentUser();
  if (!user) {
    const login = new URL("/login", env().APP_URL);
    login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(login, { status: 303 });
  }
  if (error === "access_denied") return back("/", "cancelled");
  if (error) {
    const returnTo = state ? await recordConnectError({ state, userId: user.id, description }) : "/";
    return back(returnTo, "connect_error");
  }
  if (!code || !state) return back("/", "invalid_request");
  try {
    const result = await withSpan("finch.connect_callback", {}, async (span) => {
      const outcome = await completeConnect({ state, code, userId: user.id });
      span?.setAttribute("connect.result", outcome.kind);
      return outcome;
    });
    if (result.kind === "invalid_state") return back("/", `state_${result.reason}`);
    return back(result.returnTo, result.kind);
  } catch (cause) {
    logError("finch callback failed", cause);
    return back("/", "exchange_failed");
  }
}
