// Pulls the company and its directory through the gateway and keeps them keyed by Finch's own ids,
// so a reconnect (same ids, new token) updates rows instead of duplicating them.
import "server-only";
import { db } from "@/lib/db";
import type Finch from "@tryfinch/finch-api";
import { formatList } from "@/lib/format-list";
import { callFinch } from "./call-finch";

export interface SyncCompanyDataOptions {
  connectionId: string;
  organizationId: string;
}

interface Fetched {
  company: { id: string; legal_name: string | null };
  individuals: Awaited<ReturnType<Finch["hris"]["directory"]["list"]>>["individuals"];
}

/** One read of the company and its directory; `entityId` names the entity on a multi-entity connection. */
function fetchCompany(options: SyncCompanyDataOptions, entityId?: string): Promise<Fetched> {
  const query = entityId ? { entity_ids: [entityId] } : {};
  return callFinch({ ...options, entityId }, async (finch) => {
    const company = await finch.hris.company.retrieve(query);
    const individuals = [];
    for await (const individual of finch.hris.directory.list({ limit: 100, ...query }))
      individuals.push(individual);
    return { company, individuals };
  });
}

/**
 * Multi-entity connections are read one entity at a time (`entity_ids`, finch-reference §13); a broken
 * entity is marked by the gateway and skipped, the others still sync. The company row names them all.
 */
async function fetchEntities(options: SyncCompanyDataOptions, entityIds: string[]): Promise<Fetched> {
  const fetched: Fetched[] = [];
  let firstError: unknown = null;
  for (const entityId of entityIds) {
    try {
      fetched.push(await fetchCompany(options, entityId));
    } catch (error) {
      firstError ??= error;
    }
  }
  const [first] = fetched;
  if (!first) throw firstError;
  const names = fetched.map((f) => f.company.legal_name).filter((n): n is string => Boolean(n));
  return {
    company: { id: first.company.id, legal_name: formatList(names, first.company.legal_name ?? "") },
    individuals: fetched.flatMap((f) => f.individuals),
  };
}

export async function syncCompanyData({ connectionId, organizationId }: SyncCompanyDataOptions) {
  const entities = await db().connectionEntity.findMany({
    where: { connectionId, finchStatus: { not: "disconnected" } },
    select: { finchEntityId: true },
    orderBy: [{ name: "asc" }, { finchEntityId: "asc" }],
  });
  const options = { connectionId, organizationId };
  const { company, individuals } =
    entities.length > 0
      ? await fetchEntities(
          options,
          entities.map((e) => e.finchEntityId),
        )
      : await fetchCompany(options);
  const fetchedAt = new Date();
  await db().$transaction(async (tx) => {
    await tx.finchCompany.upsert({
      where: { connectionId },
      create: {
        connectionId,
        finchCompanyId: company.id,
        legalName: company.legal_name,
        employeeCount: individuals.length,
        fetchedAt,
      },
      update: {
        finchCompanyId: company.id,
        legalName: company.legal_name,
        employeeCount: individuals.length,
        fetchedAt,
      },
    });
    // An entity's company id is not the connection's: /auth/token's company_id stays the one the
    // reconnect's same-company check compares with.
    if (entities.length === 0)
      await tx.connection.update({ where: { id: connectionId }, data: { finchCompanyId: company.id } });
    for (const person of individuals) {
      const fields = {
        firstName: person.first_name ?? null,
        lastName: person.last_name ?? null,
        isActive: person.is_active ?? null,
        department: person.department?.name ?? null,
      };
      await tx.finchIndividual.upsert({
        where: { connectionId_finchIndividualId: { connectionId, finchIndividualId: person.id } },
        create: { connectionId, finchIndividualId: person.id, ...fields },
        update: fields,
      });
    }
    // People who left the directory leave ours too.
    await tx.finchIndividual.deleteMany({
      where: { connectionId, finchIndividualId: { notIn: individuals.map((p) => p.id) } },
    });
  });
  return { legalName: company.legal_name, employeeCount: individuals.length, fetchedAt };
}
