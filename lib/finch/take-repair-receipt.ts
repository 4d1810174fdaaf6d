// The repair receipt: right after a reconnect, read each granted product once through the gateway
// and keep what came back, so the customer sees at once whether everything works again.
import "server-only";
import Finch from "@tryfinch/finch-api";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { callFinch, type CallFinchOptions } from "@/lib/finch/call-finch";
import { logError } from "@/lib/log";
import { dispatchOutboxRows } from "@/lib/outbox/dispatch-outbox-rows";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { receiptLine, type ProductCheck } from "@/lib/connections/receipt-line";
import { UNNAMED_ENTITY } from "@/lib/connections/derive-connection-status";

/** `entity_ids` for a multi-entity connection's entity (finch-reference §13); empty otherwise. */
type EntityQuery = { entity_ids?: string[] };
type Reader = (finch: Finch, individualId: string | null, query: EntityQuery) => Promise<void>;

/** A batch answers 200 with a code per person; a failed item is a failed read. */
function requireItems(responses: { code: number }[]): void {
  const failed = responses.find((item) => item.code !== 200);
  if (failed) throw new Error(`batch item answered ${failed.code}`);
}

const READERS: Record<string, Reader> = {
  company: async (finch, _id, query) => void (await finch.hris.company.retrieve(query)),
  directory: async (finch, _id, query) => void (await finch.hris.directory.list({ limit: 1, ...query })),
  individual: async (finch, id, query) =>
    id
      ? requireItems(
          (await finch.hris.individuals.retrieveMany({ requests: [{ individual_id: id }], ...query }))
            .responses,
        )
      : undefined,
  employment: async (finch, id, query) =>
    id
      ? requireItems(
          (await finch.hris.employments.retrieveMany({ requests: [{ individual_id: id }], ...query }))
            .responses,
        )
      : undefined,
  payment: async (finch, _id, query) => {
    const end = new Date();
    const start = new Date(end.getTime() - 90 * 24 * 60 * 60 * 1000);
    const day = (date: Date) => date.toISOString().slice(0, 10);
    await finch.hris.payments.list({ start_date: day(start), end_date: day(end), ...query });
  },
  benefits: async (finch, _id, query) => void (await finch.hris.benefits.list(query)),
};

function problemOf(error: unknown): string {
  const cause = isAppError(error) ? error.cause : error;
  if (isAppError(error) && error.code === "reauth_required") return "needs reconnecting";
  if (isAppError(error) && (error.code === "upstream_unavailable" || error.code === "rate_limited"))
    return "Finch unavailable, try later";
  if (cause instanceof Finch.PermissionDeniedError) return "permission missing";
  if (cause instanceof Finch.NotFoundError) return "not available";
  return "could not be read";
}

async function someIndividualId(connectionId: string): Promise<string | null> {
  const person = await db().finchIndividual.findFirst({
    where: { connectionId },
    select: { finchIndividualId: true },
    orderBy: { finchIndividualId: "asc" },
  });
  return person?.finchIndividualId ?? null;
}

/** Reads every granted product it knows how to read, one call each, listed in the order they were granted. */
export async function readGrantedProducts(options: CallFinchOptions): Promise<ProductCheck[]> {
  const connection = await db().connection.findFirst({
    where: { id: options.connectionId, organizationId: options.organizationId },
    select: { products: true },
  });
  if (!connection) return [];
  const entities = await db().connectionEntity.findMany({
    where: { connectionId: options.connectionId, finchStatus: { not: "disconnected" } },
    select: { finchEntityId: true, name: true },
    orderBy: [{ name: "asc" }, { finchEntityId: "asc" }],
  });
  if (entities.length === 0) return readProducts(options, connection.products, null);
  // Multi-entity: each product for each entity, one entity per request, listed by company name.
  const checks: ProductCheck[] = [];
  for (const entity of entities) {
    const entityOptions = { ...options, entityId: entity.finchEntityId };
    checks.push(...(await readProducts(entityOptions, connection.products, entity.name ?? UNNAMED_ENTITY)));
  }
  return checks;
}

async function readProducts(
  options: CallFinchOptions,
  products: string[],
  entity: string | null,
): Promise<ProductCheck[]> {
  const query: EntityQuery = options.entityId ? { entity_ids: [options.entityId] } : {};
  // The stored people belong to no entity in particular: a multi-entity read asks the entity's directory.
  let individualId = options.entityId ? null : await someIndividualId(options.connectionId);
  if (!individualId && products.includes("directory")) {
    individualId = await callFinch(options, async (finch) => {
      const page = await finch.hris.directory.list({ limit: 1, ...query });
      return page.individuals[0]?.id ?? null;
    }).catch(() => null);
  }
  // The reads are independent and each draws its own product's budget: all at once, so the customer
  // waits for the slowest read, not for their sum. The receipt keeps the order they were granted in.
  const reads = products.map(async (product): Promise<ProductCheck | null> => {
    const read = READERS[product];
    if (!read) return null; // e.g. ssn rides on individual; nothing of its own to read
    try {
      await callFinch(options, (finch) => read(finch, individualId, query));
      return { product, ok: true, problem: null, ...(entity && { entity }) };
    } catch (error) {
      return { product, ok: false, problem: problemOf(error), ...(entity && { entity }) };
    }
  });
  return (await Promise.all(reads)).filter((check): check is ProductCheck => check !== null);
}

/** A "Reconnected" email held for this receipt (restored-email-receipt.ts) goes out now, not at its retry. */
async function sendHeldEmails(incidentId: string): Promise<void> {
  const held = await db().emailOutbox.updateManyAndReturn({
    where: { incidentId, kind: "connection_restored", status: "pending" },
    data: { nextAttemptAt: new Date() },
    select: { id: true },
  });
  await dispatchOutboxRows(
    "email",
    held.map((row) => row.id),
  );
}

/**
 * Called once after a successful reconnect. Stores the receipt (for the card and the "Reconnected"
 * email) and notes it on the timeline. Never throws: the reconnect itself already succeeded.
 */
export async function takeRepairReceipt(
  options: CallFinchOptions & { userId: string },
): Promise<ProductCheck[] | null> {
  try {
    const checks = await readGrantedProducts(options);
    const incident = await db().incident.findFirst({
      where: { connectionId: options.connectionId },
      orderBy: { startedAt: "desc" },
      select: { id: true },
    });
    await db().$transaction(async (tx) => {
      // The dashboard's ETag follows Connection.updatedAt, so the new receipt reaches polling pages.
      await tx.connection.update({ where: { id: options.connectionId }, data: { updatedAt: new Date() } });
      await tx.repairReceipt.create({
        data: {
          connectionId: options.connectionId,
          incidentId: incident?.id ?? null,
          userId: options.userId,
          checks,
        },
      });
      await recordConnectionEvent(tx, {
        connectionId: options.connectionId,
        organizationId: options.organizationId,
        type: "repair_receipt",
        detail: receiptLine(checks),
        actorUserId: options.userId,
      });
    });
    if (incident) await sendHeldEmails(incident.id);
    return checks;
  } catch (error) {
    logError(`repair receipt for ${options.connectionId} could not be taken`, error);
    return null;
  }
}
