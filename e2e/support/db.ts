// Reads the product's embedded database directly, to check what the UI claims.
import { Client } from "pg";

import { DATABASE_URL } from "./ports";

export async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface ConnectionRow {
  id: string;
  finchConnectionId: string;
  finchCompanyId: string | null;
  status: string;
  accessTokenCiphertext: string;
}

export async function connectionsOf(email: string): Promise<ConnectionRow[]> {
  return query<ConnectionRow>(
    `SELECT c.id, c."finchConnectionId", c."finchCompanyId", c.status::text AS status, c."accessTokenCiphertext"
       FROM "Connection" c
       JOIN "Membership" m ON m."organizationId" = c."organizationId"
       JOIN "User" u ON u.id = m."userId"
      WHERE u.email = $1 ORDER BY c."createdAt"`,
    [email],
  );
}

export async function individualIds(connectionId: string): Promise<string[]> {
  const rows = await query<{ id: string }>(
    `SELECT "finchIndividualId" AS id FROM "FinchIndividual" WHERE "connectionId" = $1 ORDER BY 1`,
    [connectionId],
  );
  return rows.map((row) => row.id);
}
