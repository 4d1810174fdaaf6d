// Reads a connection's entities as the dashboard's statement returns them (JSON), with zod; anything
// malformed reads as no entities.
import { z } from "zod";
import type { EntitySummary } from "./connection-summary";

const entitiesSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string().nullable(),
    finchStatus: z.string(),
    statusSince: z.string(),
  }),
) satisfies z.ZodType<EntitySummary[]>;

export function parseEntities(value: unknown): EntitySummary[] {
  const parsed = entitiesSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}
