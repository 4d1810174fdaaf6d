// Finch's connection status words, as /introspect and account.updated webhooks report them.
import { z } from "zod";
import type { FinchConnectionStatus } from "@/lib/connections/connection-status";

const statuses = [
  "pending",
  "processing",
  "connected",
  "error_no_account_setup",
  "error_permissions",
  "reauth",
  "disconnected",
] as const satisfies readonly FinchConnectionStatus[];

export const finchStatusSchema = z.enum(statuses);
