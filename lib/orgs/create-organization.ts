import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isPlainText } from "@/lib/http/plain-text";

export const organizationNameSchema = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(100, "Use at most 100 characters.")
  .refine(isPlainText, "Use letters, digits and punctuation only.");

export interface CreateOrganizationOptions {
  userId: string;
  name: string;
}

/** Creates the organization with its first owner; a user belongs to one organization. */
export async function createOrganization({ userId, name }: CreateOrganizationOptions) {
  const existing = await db().membership.findUnique({ where: { userId }, select: { organizationId: true } });
  if (existing) throw new AppError("conflict", "You already belong to an organization.");
  return db().organization.create({
    data: { name: organizationNameSchema.parse(name), memberships: { create: { userId, role: "owner" } } },
    select: { id: true, name: true },
  });
}
