// The import's request body: the single form, or `items` of it for a bulk import (kept apart from the
// contract module, whose exports are the endpoints).
import { z } from "zod";
import { emailAddressSchema } from "@/lib/auth/email-address";
import { organizationNameSchema } from "@/lib/orgs/create-organization";
import { externalId } from "./shared";

export const MAX_IMPORT_ITEMS = 10_000;

export const importItemSchema = z.object({
  organization: z.object({
    external_id: externalId,
    name: organizationNameSchema.meta({
      description: "Used when the organization is new here; an existing one keeps its name.",
    }),
  }),
  access_token: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .regex(/^[\x21-\x7e]+$/, { error: "must be printable ASCII without spaces" })
    .meta({ description: "The connection's Finch access token; stored encrypted, never echoed." }),
  admin_emails: z
    .array(emailAddressSchema)
    .max(20)
    .default([])
    .meta({ description: "Invited to the organization once each; members are not invited again." }),
});

export type ImportItem = z.output<typeof importItemSchema>;

const singleFields = importItemSchema.partial({ organization: true, access_token: true });

/**
 * Either the single form or `{ items }`. One object with optional fields (rather than a union), so a
 * bad item is named exactly: `items.12.access_token: …`.
 */
export const importBody = singleFields
  .extend({
    items: z
      .array(importItemSchema)
      .min(1)
      .max(MAX_IMPORT_ITEMS)
      .optional()
      .meta({ description: "Bulk form: 1 to 10,000 items of the single form; answered 202 at once." }),
  })
  .superRefine((body, context) => {
    if (body.items) {
      for (const key of ["organization", "access_token"] as const) {
        if (body[key] !== undefined)
          context.addIssue({ code: "custom", path: [key], message: "send either items or a single import" });
      }
      return;
    }
    for (const key of ["organization", "access_token"] as const) {
      if (body[key] === undefined) context.addIssue({ code: "custom", path: [key], message: "is required" });
    }
  })
  .meta({ description: "The single form, or `items` for a bulk import." });
