// The operator pages' gate with their reads in one statement (requireOperatorWith): an operator gets the
// read's row, anyone else the not-found page, and a session only next-auth knows still gets the read.
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { seedSignedInUser } from "@/test/signed-in-user";
import { requireOperatorWith } from "./require-operator";

const state = vi.hoisted(() => ({
  cookies: new Map<string, string>(),
  operators: new Set<string>(),
  nextAuthUser: null as { id: string; email: string } | null,
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (state.cookies.has(name) ? { value: state.cookies.get(name) } : undefined),
  }),
}));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("not found");
  },
}));
vi.mock("./session", () => ({
  getCurrentUser: async () => state.nextAuthUser,
  isOperator: (email: string) => state.operators.has(email),
}));

const DAY = 24 * 60 * 60 * 1000;
const READ = Prisma.sql`SELECT 41 + 1 AS answer, 'fleet' AS name`;

async function signedIn({ operator }: { operator: boolean }) {
  const { user, sessionToken } = await seedSignedInUser({ expiresInMs: 30 * DAY - 60_000 });
  state.cookies = new Map([["next-auth.session-token", sessionToken]]);
  if (operator) state.operators.add(user.email);
  return user;
}

afterAll(async () => {
  await db().$disconnect();
});

describe("requireOperatorWith", () => {
  it("gives an operator the read's row beside who they are", async () => {
    const user = await signedIn({ operator: true });
    expect(await requireOperatorWith(READ)).toEqual({
      operator: { id: user.id, email: user.email },
      data: { answer: 42, name: "fleet" },
    });
  });

  it("answers not-found to a signed-in customer and to a visitor without a session", async () => {
    await signedIn({ operator: false });
    await expect(requireOperatorWith(READ)).rejects.toThrow("not found");
    state.cookies = new Map();
    state.nextAuthUser = null;
    await expect(requireOperatorWith(READ)).rejects.toThrow("not found");
  });

  it("reads the page alone when only next-auth knows the session", async () => {
    state.cookies = new Map([["next-auth.session-token", "unknown-to-the-table"]]);
    state.nextAuthUser = { id: "u-next-auth", email: "ops@example.com" };
    state.operators.add("ops@example.com");
    expect(await requireOperatorWith(READ)).toEqual({
      operator: state.nextAuthUser,
      data: { answer: 42, name: "fleet" },
    });
  });
});
