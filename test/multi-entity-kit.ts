// Integration-test helpers for multi-entity connections: a `multi…` sign-in through the stand-in's
// Connect pages (three entities, all kept), the token exchanged, and the rows the app would store.
import crypto from "node:crypto";
import { signInWithEntities } from "@/emulators/finch/test-support/connect-browser";
import { sealAccessToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import type { FinchForTests, SeededConnection } from "./finch-test-kit";
import { uniqueSuffix } from "./finch-test-kit";

const REDIRECT_URI = "http://localhost:3000/api/finch/callback";

export interface SeededMultiEntityConnection extends SeededConnection {
  /** By name: Acme East, Acme West, Acme North. */
  entities: Record<string, string>;
}

export async function seedMultiEntityConnection(
  finch: FinchForTests,
  organizationId: string,
): Promise<SeededMultiEntityConnection> {
  const session = await finch.sdk.connect.sessions.new({
    customer_id: `cust-${uniqueSuffix()}`,
    customer_name: "Multi",
    products: ["company", "directory"],
    redirect_uri: REDIRECT_URI,
    integration: { provider: "gusto" },
  });
  const signedIn = await signInWithEntities(session.connect_url, "multi-admin");
  if (!signedIn.code) throw new Error(`the multi-entity sign-in gave no code:\n${signedIn.html}`);
  const token = await finch.sdk.accessTokens.create({ code: signedIn.code, redirect_uri: REDIRECT_URI });
  const introspection = await finch.withToken(token.access_token).account.introspect();
  const id = `c${crypto.randomBytes(12).toString("hex")}`;
  await db().connection.create({
    data: {
      id,
      organizationId,
      finchConnectionId: token.connection_id,
      finchCompanyId: token.company_id ?? null,
      providerId: "gusto",
      providerName: "Gusto",
      products: token.products,
      authenticationType: "credential",
      ...sealAccessToken(id, token.access_token),
      entities: {
        create: (introspection.entities ?? []).map((e) => ({
          finchEntityId: e.id,
          name: e.name,
          sourceId: e.source_id,
          finchStatus: e.status,
        })),
      },
    },
  });
  return {
    id,
    organizationId,
    finchConnectionId: token.connection_id,
    accessToken: token.access_token,
    entities: Object.fromEntries((introspection.entities ?? []).map((e) => [e.name ?? e.id, e.id])),
  };
}

/** A connection's entity statuses by name, and its status and reason. */
export async function entityState(connectionId: string) {
  const row = await db().connection.findUniqueOrThrow({
    where: { id: connectionId },
    select: {
      status: true,
      statusReason: true,
      entities: { select: { name: true, finchStatus: true }, orderBy: { name: "asc" } },
      incidents: { select: { resolvedAt: true, reason: true } },
    },
  });
  return {
    status: row.status,
    reason: row.statusReason,
    entities: Object.fromEntries(row.entities.map((e) => [e.name, e.finchStatus])),
    incidents: row.incidents,
  };
}
