// Pulls the company and its directory through the gateway and keeps them keyed by Finch's own ids,
// so a reconnect (same ids, new token) updates rows instead of duplicating them.
import "server-only";
import { db } from "@/lib/db";
import { callFinch } from "./call-finch";

export interface SyncCompanyDataOptions {
  connectionId: string;
  organizationId: string;
}

export async function syncCompanyData({ connectionId, organizationId }: SyncCompanyDataOptions) {
  const { company, individuals } = await callFinch({ connectionId, organizationId }, async (finch) => {
    const company = await finch.hris.company.retrieve();
    const individuals = [];
    for await (const individual of finch.hris.directory.list({ limit: 100 })) individuals.push(individual);
    return { company, individuals };
  });
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
