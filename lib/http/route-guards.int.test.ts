// Route handlers refuse cross-site writes before doing anything (server actions: lib/actions/form-action.test.ts).
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
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

  it("answers 403 to Sec-Fetch-Site: cross-site", async () => {
    const response = await sweep(post("/api/connections/sweep", { "sec-fetch-site": "cross-site" }));
    expect(response.status).toBe(403);
  });

  it("lets the one-click unsubscribe through from a mail client's origin (its token decides)", async () => {
    const response = await unsubscribe(
      post("/api/email/unsubscribe?token=bogus", { origin: "https://mail.example" }),
    );
    expect(response.status).toBe(400);
  });
});
