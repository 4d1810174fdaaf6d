// Cross-site request refusal for everything that changes state: a browser names where a request
// comes from (Origin, Sec-Fetch-Site), and only our own origin may POST with the user's cookies.
import { NextResponse } from "next/server";
import { env } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// Callers that are not our pages and carry their own authority instead of cookies: Finch's signed
// webhook, and the RFC 8058 one-click unsubscribe (mail clients POST it cross-site with a signed token).
const CROSS_SITE_ALLOWED = new Set(["/api/finch/webhook", "/api/email/unsubscribe"]);

/** Why a request must be refused, or null when it comes from our own pages (or from no browser). */
export function crossSiteReason(request: Request, appUrl: string = env().APP_URL): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (CROSS_SITE_ALLOWED.has(new URL(request.url).pathname)) return null;
  const fetchSite = request.headers.get("sec-fetch-site");
  // "same-site" is another port or subdomain of our host: still not our pages.
  if (fetchSite === "cross-site" || fetchSite === "same-site") return `Sec-Fetch-Site: ${fetchSite}`;
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== new URL(appUrl).origin) return "foreign Origin";
  return null;
}

/** A 403 for a cross-site state-changing request, or null to go on. */
export function refuseCrossSite(request: Request): NextResponse | null {
  if (!crossSiteReason(request)) return null;
  return NextResponse.json(
    { error: "This request must come from the app's own pages.", code: "forbidden" },
    { status: 403 },
  );
}
