// Login links: the host's backend signs one of its users in to their organization here.
import { z } from "zod";
import { emailAddressSchema } from "@/lib/auth/email-address";
import { sameOriginPath } from "@/lib/safe-redirect";
import { defineEndpoint } from "../define-endpoint";
import { errorBody, externalId, timestamp } from "./shared";

/** A path on this site (`/connections`, `/team?x=1`); a URL, even ours, or anything a browser could read as another host is refused. */
const localPath = z
  .string()
  .max(2048)
  .transform((value, context) => {
    const path = value.startsWith("/") ? sameOriginPath(value) : null;
    if (path !== null) return path;
    context.addIssue({ code: "custom", message: "must be a local path, like /connections" });
    return z.NEVER;
  });

export const createLoginLink = defineEndpoint({
  operationId: "createLoginLink",
  method: "post",
  path: "/api/v1/login-links",
  summary: "Create a login link",
  description:
    "A single-use link, valid for 5 minutes, that signs this person in to the organization (they become a member if they are not one yet) and lands on return_to or the dashboard. A person who already belongs to another organization is not moved: the link shows a page saying so.",
  tag: "Login links",
  scope: "links:write",
  body: z.object({
    organization_external_id: externalId,
    email: emailAddressSchema.meta({ description: "The person's address (lower-cased, trimmed)." }),
    return_to: localPath
      .optional()
      .meta({ description: "A local path to land on; the dashboard if absent." }),
  }),
  responses: {
    201: {
      description: "The link; open it in the person's browser (it is shown once, only its hash is kept).",
      schema: z.object({ url: z.string(), expires_at: timestamp }),
    },
    404: { description: "No organization has this organization_external_id.", schema: errorBody },
  },
});
