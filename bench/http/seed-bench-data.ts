// What the benchmark signs in as: one organization with a signed-in owner (a database session, as
// next-auth stores it) and a few connections, one of them needing reauthentication (the banner shows).
import crypto from "node:crypto";
import { Client } from "pg";

export interface BenchData {
  sessionCookie: string;
  organizationName: string;
  /** A healthy connection's Finch id: the webhook benchmark reports it connected again and again. */
  finchConnectionId: string;
}

const id = (prefix: string) => `${prefix}${crypto.randomBytes(10).toString("hex")}`;

/** A next-auth database session for a user, valid for 30 days, as the cookie that carries it. */
export async function insertSession(client: Client, userId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString("hex");
  await client.query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '30 days')`,
    [id("ses"), token, userId],
  );
  return `next-auth.session-token=${token}`;
}

export async function seedBenchData(databaseUrl: string): Promise<BenchData> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const orgId = id("org");
    const userId = id("usr");
    const organizationName = "Benchmark Payroll Co";
    await client.query(`INSERT INTO "Organization" (id, name) VALUES ($1, $2)`, [orgId, organizationName]);
    await client.query(`INSERT INTO "User" (id, email, "emailVerified") VALUES ($1, $2, now())`, [
      userId,
      `owner-${userId}@example.com`,
    ]);
    await client.query(
      `INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ($1, $2, $3, 'owner')`,
      [id("mem"), userId, orgId],
    );
    const sessionCookie = await insertSession(client, userId);
    const providers = [
      ["gusto", "Gusto", "healthy", "connected"],
      ["adp_run", "ADP RUN", "needs_reauth", "reauth"],
      ["paychex_flex", "Paychex Flex", "healthy", "connected"],
    ] as const;
    const finchIds: string[] = [];
    for (const [providerId, providerName, status, finchStatus] of providers) {
      const connectionId = id("con");
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
          orgId,
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
          [id("inc"), connectionId],
        );
    }
    return {
      sessionCookie,
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
