// Seeds organizations with broken connections straight into the product's database, for the operator
// console spec (the console reads the whole fleet; building each one through Finch Connect is not the point).
import crypto from "node:crypto";
import { query } from "./db";

export interface SeededBrokenOrg {
  organizationId: string;
  organizationName: string;
  connectionId: string;
  memberEmail: string;
}

const id = (prefix: string) => `${prefix}${crypto.randomBytes(10).toString("hex")}`;

export async function seedBrokenOrg(options: {
  organizationName: string;
  providerId: string;
  brokenDaysAgo: number;
  source?: "webhook" | "sweep" | "api_error";
}): Promise<SeededBrokenOrg> {
  const organizationId = id("org");
  const userId = id("usr");
  const connectionId = id("con");
  const memberEmail = `member-${crypto.randomBytes(5).toString("hex")}@fleet.e2e.test`;
  const since = new Date(Date.now() - options.brokenDaysAgo * 24 * 60 * 60 * 1000);
  const source = options.source ?? "webhook";
  await query(`INSERT INTO "Organization" (id, name) VALUES ($1, $2)`, [
    organizationId,
    options.organizationName,
  ]);
  await query(`INSERT INTO "User" (id, email) VALUES ($1, $2)`, [userId, memberEmail]);
  await query(
    `INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ($1, $2, $3, 'owner')`,
    [id("mem"), userId, organizationId],
  );
  await query(
    `INSERT INTO "Connection" (id, "organizationId", "finchConnectionId", "providerId", "providerName", products,
       status, "finchStatus", "statusReason", "statusSince", "statusSource", "accessTokenCiphertext", "accessTokenKeyId", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, '{company,directory}', 'needs_reauth', 'reauth', 'The provider asked to sign in again.',
       $6, $7::"DetectionSource", 'not-a-real-token', 'none', now())`,
    [
      connectionId,
      organizationId,
      id("fin"),
      options.providerId,
      `Payroll ${options.providerId}`,
      since,
      source,
    ],
  );
  await query(
    `INSERT INTO "Incident" (id, "connectionId", "startedAt", source) VALUES ($1, $2, $3, $4::"DetectionSource")`,
    [id("inc"), connectionId, since, source],
  );
  return { organizationId, organizationName: options.organizationName, connectionId, memberEmail };
}
