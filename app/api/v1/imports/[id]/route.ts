// GET /api/v1/imports/{id} – a bulk import's progress and each failed item with its reason
import { apiRoute } from "@/lib/api/api-route";
import { getImport } from "@/lib/api/contract/imports";
import { getImportReport } from "@/lib/api/import-connections";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getImport, async ({ params }) => ({
  status: 200,
  body: { import: await getImportReport(params.id) },
}));
