// Who is asking: the signed-in user and their organization, re-read from the database per request.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { authOptions } from "./options";
import { ASK_NEXT_AUTH, readSessionMember } from "./session-member";

export interface CurrentUser {
  id: string;
  email: string;
}

export interface CurrentMember extends CurrentUser {
  role: Role;
  organization: { id: string; name: string };
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Read the request first: it marks every page that asks "who is this?" as dynamic, so a build
  // never tries to prerender one (and never needs runtime secrets).
  await cookies();
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  return { id: session.user.id, email: session.user.email };
});

/** For pages: sends a signed-out visitor to the login page and back here afterwards. */
export async function requireUser(returnTo = "/"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export const getMembership = cache(async (userId: string) =>
  db().membership.findUnique({
    where: { userId },
    select: { role: true, organization: { select: { id: true, name: true } } },
  }),
);

/** For dashboard pages: the user must belong to an organization; first-timers name theirs first. */
export async function requireMember(returnTo = "/"): Promise<CurrentMember> {
  const found = await readSessionMember();
  if (found !== ASK_NEXT_AUTH) {
    if (!found.membership) redirect("/onboarding");
    return { ...found.user, role: found.membership.role, organization: found.membership.organization };
  }
  const user = await requireUser(returnTo);
  const membership = await getMembership(user.id);
  if (!membership) redirect("/onboarding");
  return { ...user, role: membership.role, organization: membership.organization };
}

/** Operators run the product and may see every organization (OPERATOR_EMAILS). */
export function isOperator(email: string): boolean {
  return env().OPERATOR_EMAILS.includes(email.toLowerCase());
}
