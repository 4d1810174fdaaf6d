// The parts of Finch's webhook bodies we act on (https://developer.tryfinch.com/developer-resources/Webhooks).
// Anything else in them is ignored.
import { z } from "zod";
import { isPlainText } from "@/lib/http/plain-text";

export const webhookEnvelopeSchema = z.object({ event_type: z.string().min(1).max(200) });

// The docs call authentication_method a string; the SDK types it as { type }. Both are accepted,
// and reduced to the method's name when it looks like one.
const authenticationMethodSchema = z
  .union([z.string(), z.object({ type: z.string().nullish() }), z.null()])
  .optional()
  .transform((value) => {
    const name = typeof value === "string" ? value : (value?.type ?? undefined);
    return name && /^[a-z_]{1,50}$/.test(name) ? name : undefined;
  });

export const accountUpdatedEventSchema = z.object({
  event_type: z.literal("account.updated"),
  // A NUL byte or a lone surrogate is no connection of ours, and must not reach PostgreSQL.
  connection_id: z.string().min(1).max(200).refine(isPlainText),
  // Multi-entity mode: one event per entity (finch-reference §13); null for connection-wide events.
  entity_id: z.string().min(1).max(200).refine(isPlainText).nullish(),
  data: z.object({
    // Checked against the known statuses by the caller, so a new word from Finch is ignored, not rejected.
    status: z.string().min(1).max(100).refine(isPlainText),
    authentication_method: authenticationMethodSchema,
  }),
});
