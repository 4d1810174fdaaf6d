import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";

const calls = vi.hoisted(() => ({
  guard: [] as string[],
  revalidated: [] as string[],
  redirected: [] as string[],
  operator: true,
}));
vi.mock("next/cache", () => ({
  revalidatePath: (path: string, type?: string) => calls.revalidated.push(type ? `${path}:${type}` : path),
}));
vi.mock("next/navigation", () => ({
  redirect: (path: string) => {
    calls.redirected.push(path);
    throw new Error(`NEXT_REDIRECT ${path}`);
  },
}));
const member = {
  id: "user-1",
  email: "m@example.com",
  role: "owner",
  organization: { id: "org-1", name: "Org" },
};
vi.mock("@/lib/auth/session", () => ({
  requireMember: async (returnTo?: string) => {
    calls.guard.push(`member ${returnTo ?? "/"}`);
    return member;
  },
  requireUser: async () => {
    calls.guard.push("user");
    return { id: member.id, email: member.email };
  },
}));
vi.mock("@/lib/auth/require-operator", () => ({
  requireOperator: async () => {
    calls.guard.push("operator");
    if (!calls.operator) throw new Error("NEXT_NOT_FOUND");
    return { id: member.id, email: member.email };
  },
}));

const { memberAction, operatorAction, userAction } = await import("./form-action");
const { syncConnectionAction } = await import("@/lib/sweep/check-now-actions");
const { reconnectAction } = await import("@/lib/finch/connect/connect-actions");
const { handOffAction } = await import("@/lib/notifications/repair-actions");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

beforeEach(() => {
  calls.guard = [];
  calls.revalidated = [];
  calls.redirected = [];
  calls.operator = true;
});

describe("memberAction", () => {
  const schema = z.object({ name: z.string().min(2, { error: "Name it." }) });

  it("guards, validates, does the work and revalidates on success", async () => {
    const work = vi.fn(async ({ name }: { name: string }) => ({ kind: "success" as const, message: name }));
    const action = memberAction(schema, work, {
      returnTo: "/team",
      revalidate: ["/team", { path: "/", type: "layout" }],
    });
    expect(await action(null, form({ name: "Ada" }))).toEqual({ kind: "success", message: "Ada" });
    expect(calls.guard).toEqual(["member /team"]);
    expect(work).toHaveBeenCalledWith({ name: "Ada" }, member);
    expect(calls.revalidated).toEqual(["/team", "/:layout"]);
  });

  it("answers the schema's message for bad input, without doing the work", async () => {
    const work = vi.fn();
    expect(await memberAction(schema, work)(null, form({ name: "A" }))).toEqual({
      kind: "error",
      error: "Name it.",
    });
    expect(work).not.toHaveBeenCalled();
    expect(calls.revalidated).toEqual([]);
  });

  it("maps an AppError to its user message and revalidates nothing; other errors propagate", async () => {
    const failing = memberAction(
      schema,
      async () => {
        throw new AppError("conflict", "Already there.", { internal: "secret detail" });
      },
      { revalidate: ["/team"] },
    );
    expect(await failing(null, form({ name: "Ada" }))).toEqual({ kind: "error", error: "Already there." });
    expect(calls.revalidated).toEqual([]);
    const broken = memberAction(schema, async () => {
      throw new Error("database down");
    });
    await expect(broken(null, form({ name: "Ada" }))).rejects.toThrow("database down");
  });
});

describe("userAction and operatorAction", () => {
  it("redirects after a success when asked to", async () => {
    const action = userAction(z.object({}), async () => ({ kind: "success" as const }), { redirectTo: "/" });
    await expect(action(null, form({}))).rejects.toThrow("NEXT_REDIRECT /");
    expect(calls.redirected).toEqual(["/"]);
  });

  it("lets no one but an operator reach the work", async () => {
    calls.operator = false;
    const work = vi.fn();
    await expect(operatorAction(z.object({}), work)(null, form({}))).rejects.toThrow("NEXT_NOT_FOUND");
    expect(work).not.toHaveBeenCalled();
  });
});

describe("the dashboard's actions check ids by shape before any query", () => {
  it.each(["\u0000", "a".repeat(300), "a b"])("refuses the connection id %j", async (connectionId) => {
    const expected = { kind: "error", error: "This connection id is not valid." };
    expect(await syncConnectionAction(null, form({ connectionId }))).toEqual(expected);
    expect(await reconnectAction(null, form({ connectionId }))).toEqual(expected);
    expect(await handOffAction(null, form({ connectionId, email: "c@example.com" }))).toEqual(expected);
  });
});
