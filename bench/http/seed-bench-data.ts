// What the benchmark signs in as: one organization with a signed-in owner (a database session, as
// next-auth stores it) and a few connections, one of them needing reauthentication (the banner shows).
import crypto from "node:crypto";
import { Client } from "pg";
import { benchId, seedOwnerWithSession } from "../bench-setup";

export interface BenchData {
  sessionCookie: string;
  organizationName: string;
  /** A healthy connection's Finch id: the webhook benchmark reports it connected again and again. */
  finchConnectionId: string;
}

export async function seedBenchData(databaseUrl: string): Promise<BenchData> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const organizationName = "Benchmark Payroll Co";
    const owner = await seedOwnerWithSession(client, organizationName);
    const providers = [
      ["gusto", "Gusto", "healthy", "connected"],
      ["adp_run", "ADP RUN", "needs_reauth", "reauth"],
      ["paychex_flex", "Paychex Flex", "healthy", "connected"],
    ] as const;
    const finchIds: string[] = [];
    for (const [providerId, providerName, status, finchStatus] of providers) {
      const connectionId = benchId("con");
      const finchConnectionId = crypto.randomUUID();
      finchIds.push(finchConnectionId);
      await client.query(
        `INSERT INTO "Connection" (id, "organizationId", "finchConnectionId", "finchCompanyId", "providerId",
           "providerName", products, status, "finchStatus", "statusReason", "accessTokenCiphertext",
           "accessTokenKeyId", "lastSuccessAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, ARRAY['company','directory','individual','employment'], $7, $8, $9,
           'not-a-real-token', 'bench', now(), now())`,
        [
          connectionId,
          owner.organizationId,
          finchConnectionId,
          crypto.randomUUID(),
          providerId,
          providerName,
          status,
          finchStatus,
          status === "needs_reauth"
            ? "Your payroll provider asked for the connection to be authorized again."
            : null,
        ],
      );
      await client.query(
        `INSERT INTO "FinchCompany" ("connectionId", "finchCompanyId", "legalName", "employeeCount", "fetchedAt")
         VALUES ($1, $2, $3, 42, now())`,
        [connectionId, crypto.randomUUID(), `${providerName} Customer LLC`],
      );
      if (status === "needs_reauth")
        await client.query(
          `INSERT INTO "Incident" (id, "connectionId", source, reason) VALUES ($1, $2, 'webhook', 'reauth')`,
          [benchId("inc"), connectionId],
        );
    }
    return {
      sessionCookie: owner.cookie,
      organizationName,
      finchConnectionId: finchIds[0],
    };
  } finally {
    await client.end();
  }
}

/** How many webhook events with this id prefix the database recorded. */
export async function countWebhookEvents(databaseUrl: string, idPrefix: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "FinchWebhookEvent" WHERE id LIKE $1`,
      [`${idPrefix}%`],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}
