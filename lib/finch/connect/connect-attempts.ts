// The `state` of a Finch Connect round trip: random, stored only as a hash, bound to the user, the
// organization and (for a reconnect) the connection, single-use and valid for minutes.
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";

export const CONNECT_ATTEMPT_TTL_MS = 15 * 60 * 1000;

export type ConnectPurpose = "connect" | "reconnect";

export interface CreateConnectAttemptOptions {
  userId: string;
  organizationId: string;
  connectionId?: string;
  purpose: ConnectPurpose;
  returnTo?: string;
  now?: Date;
}

const hash = (state: string) => crypto.createHash("sha256").update(state).digest("hex");

export async function createConnectAttempt({
  now = new Date(),
  ...options
}: CreateConnectAttemptOptions): Promise<string> {
  const state = crypto.randomBytes(32).toString("base64url");
  await db().connectAttempt.create({
    data: {
      stateHash: hash(state),
      userId: options.userId,
      organizationId: options.organizationId,
      connectionId: options.connectionId,
      purpose: options.purpose,
      returnTo: options.returnTo ?? "/",
      createdAt: now,
      expiresAt: new Date(now.getTime() + CONNECT_ATTEMPT_TTL_MS),
    },
  });
  return state;
}

export interface ConsumedAttempt {
  organizationId: string;
  connectionId: string | null;
  purpose: ConnectPurpose;
  returnTo: string;
}

export type ConsumeResult =
  | { kind: "consumed"; attempt: ConsumedAttempt }
  | { kind: "refused"; reason: "unknown" | "used" | "expired" | "other_user" };

/** Marks the attempt used in the same statement that checks it, so a replayed state never passes. */
export async function consumeConnectAttempt({
  state,
  userId,
  now = new Date(),
}: {
  state: string;
  userId: string;
  now?: Date;
}): Promise<ConsumeResult> {
  const stateHash = hash(state);
  const used = await db().connectAttempt.updateMany({
    where: { stateHash, userId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const row = await db().connectAttempt.findUnique({ where: { stateHash } });
  if (used.count === 1 && row) {
    return {
      kind: "consumed",
      attempt: {
        organizationId: row.organizationId,
        connectionId: row.connectionId,
        purpose: row.purpose as ConnectPurpose,
        returnTo: row.returnTo,
      },
    };
  }
  if (!row) return { kind: "refused", reason: "unknown" };
  if (row.userId !== userId) return { kind: "refused", reason: "other_user" };
  if (row.usedAt) return { kind: "refused", reason: "used" };
  return { kind: "refused", reason: "expired" };
}
