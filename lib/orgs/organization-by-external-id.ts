// The organization the host knows by its own id (external_id): found, or created with the name the
// host gives. An existing organization keeps its name: its members may have renamed it here.
import "server-only";
import { db } from "@/lib/db";

export interface OrganizationRef {
  id: string;
  name: string;
  externalId: string | null;
}

export async function organizationByExternalId(options: {
  externalId: string;
  name: string;
}): Promise<{ organization: OrganizationRef; created: boolean }> {
  const select = { id: true, name: true, externalId: true } as const;
  const found = await db().organization.findUnique({ where: { externalId: options.externalId }, select });
  if (found) return { organization: found, created: false };
  // Two imports for one new customer at once: the unique external id lets one insert win.
  const inserted = await db().organization.createManyAndReturn({
    data: [{ externalId: options.externalId, name: options.name }],
    skipDuplicates: true,
    select,
  });
  if (inserted[0]) return { organization: inserted[0], created: true };
  const winner = await db().organization.findUniqueOrThrow({
    where: { externalId: options.externalId },
    select,
  });
  return { organization: winner, created: false };
}
