// Making a person a member of an organization, for every way in (an invitation, a login link): one
// organization per person is a database rule (Membership's unique userId), so a race cannot add two.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export type JoinOutcome = "joined" | "already_member" | "other_organization";

export async function joinOrganization(
  tx: Pick<Tx, "membership">,
  { userId, organizationId, role }: { userId: string; organizationId: string; role: Role },
): Promise<JoinOutcome> {
  // ON CONFLICT DO NOTHING: a concurrent join of the same person finds the other one's row below.
  const { count } = await tx.membership.createMany({
    data: [{ userId, organizationId, role }],
    skipDuplicates: true,
  });
  if (count === 1) return "joined";
  const existing = await tx.membership.findUnique({ where: { userId }, select: { organizationId: true } });
  return existing?.organizationId === organizationId ? "already_member" : "other_organization";
}
