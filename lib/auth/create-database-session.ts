// A next-auth database session made outside next-auth (a login link): the same row its adapter's
// createSession writes, with next-auth's token generator and the configured lifetime.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { SESSION_MAX_AGE_SECONDS } from "./options";

export interface DatabaseSession {
  sessionToken: string;
  expires: Date;
}

export async function createDatabaseSession(
  tx: Pick<Tx, "session">,
  { userId, now = new Date() }: { userId: string; now?: Date },
): Promise<DatabaseSession> {
  const expires = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  // next-auth's default generateSessionToken (core/init.js).
  const sessionToken = randomUUID();
  await tx.session.create({ data: { sessionToken, userId, expires } });
  return { sessionToken, expires };
}
