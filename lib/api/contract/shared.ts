// The shapes every part of the API shares: ids, the error body, and a <Connection>.
import { z } from "zod";
import { isRecordId } from "@/lib/http/record-id";
import { API_ERROR_CODES, type ApiErrorCode } from "../api-errors";

/** Our ids (cuids or conn_…): checked by shape before any query. */
export const recordId = (what: string) =>
  z
    .string()
    .refine(isRecordId, { error: `is not a valid ${what} id` })
    .meta({ description: `The ${what}'s id.` });

export const idParams = (what: string) => z.object({ id: recordId(what) });

/** The host's own customer id: printable, at most 200 characters. */
export const externalId = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, { error: "must be printable ASCII without spaces" })
  .meta({ description: "Your own id for this customer (unique)." });

export const timestamp = z.iso.datetime().meta({ description: "ISO 8601, UTC." });

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(API_ERROR_CODES) as [ApiErrorCode, ...ApiErrorCode[]]),
      message: z.string(),
    }),
  })
  .meta({ id: "Error" });

export const organizationRef = z
  .object({ id: z.string(), external_id: z.string().nullable(), name: z.string() })
  .meta({ id: "OrganizationRef" });

export const connectionSchema = z
  .object({
    id: z.string(),
    finch_connection_id: z.string(),
    organization: organizationRef,
    provider_id: z.string(),
    provider_name: z.string(),
    status: z.string().meta({
      description:
        "Finch's word for the connection: connected, reauth, error_permissions, error_no_account_setup, disconnected, pending, …",
    }),
    status_since: timestamp,
    detection_path: z
      .enum(["api_error", "webhook", "sweep", "reconnect", "connect", "host_api"])
      .nullable()
      .meta({ description: "How the current status was learned (host_api: your own signal)." }),
    products: z.array(z.string()),
    token_rotated_at: timestamp.meta({ description: "When the stored access token last changed." }),
    entities: z
      .array(z.object({ finch_entity_id: z.string(), name: z.string().nullable(), status: z.string() }))
      .meta({ description: "Multi-entity connections: each company's own status (empty otherwise)." }),
  })
  .meta({ id: "Connection" });

export type ApiConnection = z.output<typeof connectionSchema>;
