// POST /api/v1/login-links – a single-use, 5-minute link that signs a person in to an organization
import { apiRoute } from "@/lib/api/api-route";
import { createLoginLink } from "@/lib/api/contract/links";
import { issueLoginLink } from "@/lib/login-links/issue-login-link";

export const dynamic = "force-dynamic";

export const POST = apiRoute(createLoginLink, async ({ body, caller }) => {
  const link = await issueLoginLink({
    organizationExternalId: body.organization_external_id,
    email: body.email,
    returnTo: body.return_to ?? null,
    apiKey: caller,
  });
  return { status: 201, body: { url: link.url, expires_at: link.expiresAt.toISOString() } };
});
