// Any other path under /api/v1: the API's 404 error body (not the HTML not-found page), with the JSON
// security headers, since the proxy skips /api/v1 (proxy.ts).
import { apiErrorResponse } from "@/lib/api/api-errors";
import { setJsonSecurityHeaders } from "@/lib/auth/route-handler";

export const dynamic = "force-dynamic";

function notFound(): Response {
  return setJsonSecurityHeaders(apiErrorResponse("not_found", "No such endpoint; see /api/v1/openapi.json."));
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
