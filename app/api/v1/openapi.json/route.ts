// GET /api/v1/openapi.json – the API's contract, generated from the schemas that validate its requests
import { openApiDocument } from "@/lib/api/openapi-document";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { setJsonSecurityHeaders } from "@/lib/auth/route-handler";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

let document: ReturnType<typeof openApiDocument> | undefined;

// The proxy skips /api/v1 (proxy.ts): the route sends its own security headers.
export function GET() {
  document ??= openApiDocument(API_ENDPOINTS, { version: "1.0.0", serverUrl: env().APP_URL });
  return setJsonSecurityHeaders(
    Response.json(document, { headers: { "Cache-Control": "public, max-age=300" } }),
  );
}
