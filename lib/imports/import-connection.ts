// Importing one connection the host already holds a token for: Finch's /introspect (through the budget)
// proves the token live and names its connection; the organization is found or created by the host's
// id, its admins invited once, and the connection stored or its token replaced, with connection.imported
// for the host's webhook endpoints.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { introspectToken, type TokenFacts } from "@/lib/finch/introspect-token";
import { storeNewConnection } from "@/lib/finch/store-new-connection";
import { dispatchHostEvents } from "@/lib/host-events/dispatch-host-events";
import { queueConnectionImported } from "@/lib/host-events/announce-connection-imported";
import { inviteAdmins } from "@/lib/orgs/invite-admins";
import { organizationByExternalId } from "@/lib/orgs/organization-by-external-id";
import { ImportFailure } from "./import-failure";
import { replaceImportedToken } from "./replace-imported-token";

export interface ImportConnectionOptions {
  organization: { externalId: string; name: string };
  accessToken: string;
  /** Checked and lower-cased addresses. */
  adminEmails: string[];
  /** The API key importing it, as invitations and the timeline name it. */
  actor: { apiKeyId: string; label: string };
  /** Bulk work leaves the company data to "Sync now"; a single import fetches it at once. */
  bulk?: boolean;
  /** Runs inside the transaction that stores the connection (a bulk item is marked done there). */
  alsoInTransaction?: (tx: Tx, connectionId: string) => Promise<void>;
}

export interface ImportedConnection {
  connectionId: string;
  organizationId: string;
  /** True when the connection is new here; false when it existed and took the imported token. */
  created: boolean;
}

async function liveFacts(accessToken: string): Promise<TokenFacts> {
  const answer = await introspectToken(accessToken);
  if (answer.kind === "live") return answer.facts;
  if (answer.kind === "rejected")
    throw new ImportFailure("token_rejected", `Finch refused this access token: ${answer.finchSays}.`);
  throw new ImportFailure(
    "upstream_unavailable",
    `Finch could not check this access token now (${answer.detail}); try again in ${answer.retryAfterSeconds} s.`,
    answer.retryAfterSeconds,
  );
}

/** The stored connection for this Finch connection, refused when it belongs to another organization. */
async function storedConnection(finchConnectionId: string, externalId: string) {
  const existing = await db().connection.findUnique({
    where: { finchConnectionId },
    select: {
      id: true,
      organizationId: true,
      organization: { select: { externalId: true, name: true } },
    },
  });
  if (existing && existing.organization.externalId !== externalId) {
    const owner = existing.organization.externalId;
    throw new ImportFailure(
      "conflict",
      owner
        ? `This Finch connection is already stored for the organization with external_id "${owner}"; it was not moved.`
        : "This Finch connection is already stored for an organization that has no external_id; it was not moved.",
    );
  }
  return existing;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Imports one connection; connection.imported is queued in the same transaction that stores the
 * token (once per endpoint per stored token, so a re-import of the same token announces nothing) and
 * dispatched once it committed.
 */
export async function importConnection(options: ImportConnectionOptions): Promise<ImportedConnection> {
  const events: string[] = [];
  const imported = await storeImport({
    ...options,
    alsoInTransaction: async (tx, connectionId) => {
      events.push(...(await queueConnectionImported(tx, { connectionId })));
      await options.alsoInTransaction?.(tx, connectionId);
    },
  });
  await dispatchHostEvents(events);
  return imported;
}

async function storeImport(options: ImportConnectionOptions): Promise<ImportedConnection> {
  const { accessToken, actor } = options;
  const facts = await liveFacts(accessToken);
  const externalId = options.organization.externalId;
  const existing = await storedConnection(facts.finchConnectionId, externalId);
  const { organization } = existing
    ? { organization: null }
    : await organizationByExternalId({ externalId, name: options.organization.name });
  const organizationId = existing?.organizationId ?? organization?.id ?? "";
  const organizationName = existing?.organization.name ?? organization?.name ?? options.organization.name;
  // Invited before the connection is stored: invitations are idempotent, so a crash in between
  // and a second run sends nothing twice.
  await inviteAdmins({
    organizationId,
    organizationName,
    emails: options.adminEmails,
    invitedById: `api_key:${actor.apiKeyId}`,
    invitedBy: "Payroll Connections",
  });
  const replace = (connectionId: string) =>
    replaceImportedToken({
      connectionId,
      organizationId,
      accessToken,
      facts,
      actorLabel: actor.label,
      alsoInTransaction: options.alsoInTransaction,
    });
  if (existing) {
    await replace(existing.id);
    return { connectionId: existing.id, organizationId, created: false };
  }
  try {
    const connectionId = await storeNewConnection({
      organizationId,
      accessToken,
      facts,
      event: { type: "imported", detail: `Imported by ${actor.label}.` },
      source: "host_api",
      alsoInTransaction: options.alsoInTransaction,
      syncCompany: !options.bulk,
    });
    return { connectionId, organizationId, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another import of the same Finch connection stored it a moment ago: take the newer token.
    const winner = await storedConnection(facts.finchConnectionId, externalId);
    if (!winner) throw error;
    await replace(winner.id);
    return { connectionId: winner.id, organizationId, created: false };
  }
}
