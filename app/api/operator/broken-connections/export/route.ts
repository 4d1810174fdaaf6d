// GET /api/operator/broken-connections/export – the Broken connections table, filtered, as CSV (operators only)
import { parseFleetFilters } from "@/lib/operator/fleet-filters";
import { brokenConnectionsCsv } from "@/lib/operator/broken-connections-csv";
import { listBrokenConnections } from "@/lib/operator/list-broken-connections";
import { requireOperator } from "@/lib/operator/require-operator";

export async function GET(request: Request): Promise<Response> {
  // Outside any try/catch: a non-operator gets the same bare 404 as a route that does not exist.
  await requireOperator();
  const filters = parseFleetFilters(Object.fromEntries(new URL(request.url).searchParams));
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
