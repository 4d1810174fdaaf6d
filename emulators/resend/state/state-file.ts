// What the Resend stand-in's state file holds; reading and writing it is the shared kit's
// (emulators/shared/state-file.ts).
import { z } from "zod";
import { idempotencyRecordSchema } from "./idempotency-cache";
import { storedEmailSchema } from "./stored-email";

export const stateFileSchema = z.object({
  version: z.literal(1),
  emails: z.array(storedEmailSchema),
  idempotency: z.array(idempotencyRecordSchema).default([]),
});

export type StateFileContents = z.infer<typeof stateFileSchema>;
