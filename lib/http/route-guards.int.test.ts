// Route handlers refuse cross-site writes and malformed ids before doing anything.
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { POST as connectAttempts } from "@/app/api/connections/[id]/connect-attempts/route";
import { POST as handOff } from "@/app/api/connections/[id]/hand-off/route";
import { POST as reconnect } from "@/app/api/connections/[id]/reconnect/route";
import { POST as sync } from "@/app/api/connections/[id]/sync/route";
import { POST as sweep } from "@/app/api/connections/sweep/route";
import { POST as unsubscribe } from "@/app/api/email/unsubscribe/route";
import { db } from "@/lib/db";

const caller = vi.hoisted(() => ({ asked: 0 }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => {
    caller.asked += 1;
    return { id: "user-1", email: "member@example.com" };
  },
  getMembership: async () => ({ role: "owner", organization: { id: "org-1", name: "Org" } }),
  isOperator: () => false,
}));

afterAll(async () => {
  await db().$disconnect();
});

const post = (path: string, headers: Record<string, string> = {}, body = "{}") =>
  new NextRequest(`http://localhost:3000${path}`, { method: "POST", headers, body });

describe("cross-site writes", () => {
  it("answers 403 to a sweep from a foreign Origin with text/plain, before asking who is calling", async () => {
    caller.asked = 0;
    const response = await sweep(
      post("/api/connections/sweep", { origin: "http://evil.example", "content-type": "text/plain" }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: "This request must come from the app's own pages.",
      code: "forbidden",
    });
    expect(caller.asked).toBe(0);
  });

  it("answers 403 to Sec-Fetch-Site: cross-site on the connection routes", async () => {
    const params = { params: Promise.resolve({ id: "conn_x" }) };
    const headers = { "sec-fetch-site": "cross-site" };
    expect((await sync(post("/api/connections/conn_x/sync", headers), params)).status).toBe(403);
    expect((await reconnect(post("/api/connections/conn_x/reconnect", headers), params)).status).toBe(403);
  });

  it("lets the one-click unsubscribe through from a mail client's origin (its token decides)", async () => {
    const response = await unsubscribe(
      post("/api/email/unsubscribe?token=bogus", { origin: "https://mail.example" }),
    );
    expect(response.status).toBe(400);
  });
});

describe("ids by shape", () => {
  it.each(["\u0000", "a".repeat(300), "a b"])("answers 400 to sync and reconnect of %j", async (id) => {
    const params = { params: Promise.resolve({ id }) };
    for (const handler of [sync, reconnect]) {
      const response = await handler(post(`/api/connections/${encodeURIComponent(id)}/sync`), params);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: "This connection id is not valid.",
        code: "bad_request",
      });
    }
  });

  it.each(["\u0000", "%00", "a".repeat(300), "abc\ud800"])(
    "answers 400 to connect-attempts and hand-off of %j before spending any allowance",
    async (id) => {
      const params = { params: Promise.resolve({ id }) };
      const limitsBefore = await db().rateLimitWindow.count();
      const attempt = await connectAttempts(
        post(`/api/connections/x/connect-attempts`, {}, JSON.stringify({ outcome: "error" })),
        params,
      );
      const handed = await handOff(
        post(`/api/connections/x/hand-off`, {}, JSON.stringify({ email: "colleague@example.com" })),
        params,
      );
      for (const response of [attempt, handed]) {
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          error: "This connection id is not valid.",
          code: "bad_request",
        });
      }
      // An invitation allowance is counted in RateLimitWindow: nothing was spent.
      expect(await db().rateLimitWindow.count()).toBe(limitsBefore);
    },
  );
});
