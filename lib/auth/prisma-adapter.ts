// next-auth's adapter over our generated Prisma client (the published adapter expects the
// classic @prisma/client build, which cannot be generated offline here).
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

const userSelect = { id: true, email: true, emailVerified: true, name: true, image: true } as const;

/** DELETE … RETURNING makes a sign-in link single-use even when two clicks race. */
export function consumeVerificationTokenSql(identifier: string, token: string): Prisma.Sql {
  return Prisma.sql`
        DELETE FROM "VerificationToken" WHERE identifier = ${identifier} AND token = ${token}
        RETURNING identifier, token, expires`;
}

export function prismaAdapter(db: Db): Adapter {
  return {
    createUser: ({ email, emailVerified, name, image }: Omit<AdapterUser, "id">) =>
      db.user.create({
        data: { email: email.toLowerCase(), emailVerified, name, image },
        select: userSelect,
      }),
    getUser: (id) => db.user.findUnique({ where: { id }, select: userSelect }),
    getUserByEmail: (email) =>
      db.user.findUnique({ where: { email: email.toLowerCase() }, select: userSelect }),
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select: userSelect } },
      });
      return account?.user ?? null;
    },
    updateUser: ({ id, name, image, emailVerified }) =>
      db.user.update({ where: { id }, data: { name, image, emailVerified }, select: userSelect }),
    async deleteUser(userId) {
      await db.user.delete({ where: { id: userId } });
    },
    async linkAccount(account: AdapterAccount) {
      await db.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          // OAuth tokens are never stored: magic links are the only sign-in method.
        },
      });
    },
    async unlinkAccount({
      provider,
      providerAccountId,
    }: Pick<AdapterAccount, "provider" | "providerAccountId">) {
      await db.account.delete({ where: { provider_providerAccountId: { provider, providerAccountId } } });
    },
    createSession: (session) => db.session.create({ data: session }),
    async getSessionAndUser(sessionToken) {
      const found = await db.session.findUnique({
        where: { sessionToken },
        include: { user: { select: userSelect } },
      });
      if (!found) return null;
      const { user, ...session } = found;
      return { session, user };
    },
    async updateSession({ sessionToken, expires }) {
      const updated = await db.session.updateMany({ where: { sessionToken }, data: { expires } });
      return updated.count === 0 ? null : db.session.findUnique({ where: { sessionToken } });
    },
    async deleteSession(sessionToken) {
      await db.session.deleteMany({ where: { sessionToken } });
    },
    createVerificationToken: (token) => db.verificationToken.create({ data: token }),
    async useVerificationToken({ identifier, token }) {
      // DELETE … RETURNING makes the link single-use even when two clicks race.
      const rows = await db.$queryRaw<{ identifier: string; token: string; expires: Date }[]>(
        consumeVerificationTokenSql(identifier, token),
      );
      return rows[0] ?? null;
    },
  };
}
