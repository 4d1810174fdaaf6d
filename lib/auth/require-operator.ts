// The operator console's one gate: anyone not in OPERATOR_EMAILS (signed out included) gets the
// ordinary not-found answer, so the console's existence does not leak. Pages, actions and route
// handlers all call it; a layout alone would not guard them. Who is asking is read the way the
// dashboard reads it (one query from the session cookie), with next-auth taking over whenever it has
// work to do.
import "server-only";
import { notFound } from "next/navigation";
import { getCurrentUser, isOperator, type CurrentUser } from "@/lib/auth/session";
import { ASK_NEXT_AUTH, readSessionMember } from "@/lib/auth/session-member";

/** The operator making this request, or null for anyone else (route handlers answer notFoundResponse()). */
export async function findOperator(): Promise<CurrentUser | null> {
  const found = await readSessionMember();
  const user = found === ASK_NEXT_AUTH ? await getCurrentUser() : found.user;
  return user && isOperator(user.email) ? user : null;
}

/** For pages and actions: the not-found page for anyone but an operator. */
export async function requireOperator(): Promise<CurrentUser> {
  const operator = await findOperator();
  if (!operator) notFound();
  return operator;
}
