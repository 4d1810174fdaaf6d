// A bulk import's status and report, as GET /api/v1/imports/{id} answers them (kept apart from the
// contract module, whose exports are the endpoints).
import { z } from "zod";
import { timestamp } from "./shared";

export const importStatus = z.enum(["queued", "running", "completed"]);

const importFailureSchema = z.object({
  position: z.number().int().meta({ description: "The item's index in `items`, from 0." }),
  organization_external_id: z.string(),
  code: z.enum(["token_rejected", "conflict", "upstream_unavailable", "internal"]),
  message: z.string(),
});

export const importReportSchema = z.object({
  id: z.string(),
  status: importStatus,
  total: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
  created_at: timestamp,
  finished_at: timestamp.nullable(),
  failures: z.array(importFailureSchema),
});

export type ImportReport = z.output<typeof importReportSchema>;
