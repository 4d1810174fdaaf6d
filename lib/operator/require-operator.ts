// The operator console's one gate: anyone not in OPERATOR_EMAILS (signed out included) gets the
// ordinary not-found answer, so the console's existence does not leak. Pages, actions and route
// handlers all call it; a layout alone would not guard them.
import "server-only";
import { notFound } from "next/navigation";
import { getCurrentUser, isOperator, type CurrentUser } from "@/lib/auth/session";

export async function requireOperator(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || !isOperator(user.email)) notFound();
  return user;
}
