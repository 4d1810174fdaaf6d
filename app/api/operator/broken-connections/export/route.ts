// GET /api/operator/broken-connections/export – the Broken connections table, filtered, as CSV (operators only)
import { parseFleetFiltersStrictly } from "@/lib/operator/fleet-filters";
import { brokenConnectionsCsv } from "@/lib/operator/broken-connections-csv";
import { listBrokenConnections } from "@/lib/operator/list-broken-connections";
import { notFoundResponse } from "@/lib/http/not-found-response";
import { findOperator } from "@/lib/auth/require-operator";

export async function GET(request: Request): Promise<Response> {
  // A non-operator gets the not-found page's answer, as for a URL that does not exist.
  if (!(await findOperator())) return notFoundResponse();
  const filters = parseFleetFiltersStrictly(Object.fromEntries(new URL(request.url).searchParams));
  if (!filters)
    return Response.json({ error: "These filters are not valid.", code: "bad_request" }, { status: 400 });
  const { rows } = await listBrokenConnections({ filters, all: true });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(brokenConnectionsCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="broken-connections-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
