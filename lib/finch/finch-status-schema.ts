// Finch's connection status words, as /introspect and account.updated webhooks report them.
import { z } from "zod";
import type { FinchConnectionStatus } from "@/lib/connections/connection-status";
import { FINCH_STATUS_WORDS } from "@/lib/finch/spec/connection-statuses";

export const finchStatusSchema = z.enum(FINCH_STATUS_WORDS satisfies readonly FinchConnectionStatus[]);
