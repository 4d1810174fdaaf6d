// Runs before every request: refuses cross-site writes (server actions included), and adds the security
// headers (CSP, no framing, nosniff, referrer rules, HSTS) built from the runtime configuration, so the
// Finch and stand-in origins are the configured ones. Two exceptions, by the matcher below: the poll
// of every open dashboard tab (`/api/connections`), which takes no writes (GET only; jsonRoute would
// refuse a cross-site one), and the host's API (`/api/v1/…`), which takes no cookies (an API key in the
// Authorization header, which no cross-site form can send, is its only authority) and answers JSON
// only. Both send their own headers (jsonSecurityHeaders): the proxy's pass weighed on the poll's 304
// answer and on the host's token read (bench/README.md).
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { refuseCrossSite } from "@/lib/http/same-origin";
import { carriesToken, securityHeaders } from "@/lib/http/security-headers";

/** The headers for pages with and without a token in their URL, each built once from the configuration. */
const headerSets = new Map<boolean, [string, string][]>();

function headersFor(pathname: string): [string, string][] {
  const tokenInUrl = carriesToken(pathname);
  let headers = headerSets.get(tokenInUrl);
  if (!headers) {
    const config = env();
    headers = securityHeaders(pathname, {
      appUrl: config.APP_URL,
      finchBaseUrl: config.FINCH_BASE_URL,
      finchConnectUrl: config.FINCH_CONNECT_URL,
      resendBaseUrl: config.RESEND_BASE_URL,
      production: config.NODE_ENV === "production",
    });
    headerSets.set(tokenInUrl, headers);
  }
  return headers;
}

export const config = {
  // Every path but exactly /api/connections (its sub-paths, such as /api/connections/sweep, included),
  // the probes and metrics, which orchestrators and scrapers call often and no browser renders, and
  // everything under /api/v1/ (apiRoute, openapi.json and the catch-all 404 set the headers).
  matcher: ["/((?!api/connections$|api/health$|api/ready$|api/metrics$|api/v1/).*)"],
};

export function proxy(request: NextRequest) {
  // Server actions are POSTs to pages: a foreign one gets a clean 403 here instead of Next's 500.
  const response = refuseCrossSite(request) ?? NextResponse.next();
  for (const [name, value] of headersFor(request.nextUrl.pathname)) {
    response.headers.set(name, value);
  }
  return response;
}
