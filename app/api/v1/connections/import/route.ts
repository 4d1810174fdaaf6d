// POST /api/v1/connections/import – import one connection from its Finch token, or up to 10,000 in bulk
import { apiRoute } from "@/lib/api/api-route";
import { importConnections } from "@/lib/api/contract/imports";
import { importOneConnection, startBulkImport } from "@/lib/api/import-connections";

export const dynamic = "force-dynamic";

export const POST = apiRoute(importConnections, async ({ body, caller }) => {
  if (body.items) return { status: 202, body: { import: await startBulkImport(body.items, caller) } };
  const { organization, access_token, admin_emails } = body;
  if (!organization || !access_token) throw new Error("the body schema requires the single form's fields");
  const { connection, created } = await importOneConnection(
    { organization, access_token, admin_emails },
    caller,
  );
  return { status: created ? 201 : 200, body: { connection } };
});
