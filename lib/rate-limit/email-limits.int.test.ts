// Emails sent on request are limited in PostgreSQL: sign-in links per address and per client IP,
// invitations per inviter and per invitee; past a limit nothing is sent.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { guardEmailSignIn } from "@/lib/auth/guard-email-sign-in";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { inviteMember } from "@/lib/orgs/invitations";
import { consumeSignInEmailLimit } from "@/lib/auth/sign-in-email-limits";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limit";
import { takePacedAllowance } from "@/lib/rate-limit/take-paced-allowance";
import { uniqueSuffix } from "@/test/finch-test-kit";
import { seedMember, startMailForTests, type MailForTests } from "@/test/notifications-test-kit";

let mail: MailForTests;

beforeAll(async () => {
  mail = await startMailForTests();
});

afterAll(async () => {
  await mail.close();
  await db().$disconnect();
});

function signInRequest(email: string, ip = `10.0.${Math.floor(Math.random() * 250)}.1`) {
  return new NextRequest("http://localhost:3000/api/auth/signin/email", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
    body: new URLSearchParams({ email, json: "true", csrfToken: "x", callbackUrl: "/" }),
  });
}

const signInContext = { params: Promise.resolve({ nextauth: ["signin", "email"] }) };

describe("consumeRateLimits", () => {
  it("counts concurrent attempts atomically: exactly `limit` of them pass", async () => {
    const limit = { key: `test:${uniqueSuffix()}`, limit: 7, windowSeconds: 60 };
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimits([limit])));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(7);
    const refused = verdicts.find((v) => !v.allowed);
    expect(refused?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("starts a new count in the next window", async () => {
    const limit = { key: `test:${uniqueSuffix()}`, limit: 1, windowSeconds: 60 };
    const start = new Date("2030-01-01T00:00:00Z");
    expect((await consumeRateLimits([limit], start)).allowed).toBe(true);
    expect((await consumeRateLimits([limit], new Date(start.getTime() + 30_000))).allowed).toBe(false);
    expect((await consumeRateLimits([limit], new Date(start.getTime() + 61_000))).allowed).toBe(true);
  });

  it("stores no address in clear", async () => {
    const email = `clear-${uniqueSuffix()}@example.com`;
    await consumeRateLimits([{ key: `signin-address:${email}`, limit: 5, windowSeconds: 60 }]);
    const rows = await db().rateLimitWindow.findMany({ where: { key: { contains: "example.com" } } });
    expect(rows).toHaveLength(0);
  });
});

describe("takePacedAllowance", () => {
  it("lets exactly the burst through at once, even concurrently, then one per interval", async () => {
    const limit = { key: `paced:${uniqueSuffix()}`, burst: 5, intervalSeconds: 60 };
    const start = new Date();
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => takePacedAllowance(limit, start)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    expect((await takePacedAllowance(limit, at(59))).allowed).toBe(false);
    expect((await takePacedAllowance(limit, at(60))).allowed).toBe(true);
    expect((await takePacedAllowance(limit, at(61))).allowed).toBe(false);
    // A quiet key fills up again: after five intervals the whole burst is back.
    const later = Array.from({ length: 6 }, () => takePacedAllowance(limit, at(60 + 5 * 60 + 1)));
    expect((await Promise.all(later)).filter((v) => v.allowed)).toHaveLength(5);
  });
});

describe("sign-in links", () => {
  it("a flood of twenty requests for one address sends at most five, and the owner signs in a minute later", async () => {
    const email = `flooded-${uniqueSuffix()}@example.com`;
    const start = new Date();
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    const fromAnywhere = () => `198.51.100.${Math.floor(Math.random() * 250)}`;
    const flood = [];
    for (let i = 0; i < 20; i++)
      flood.push(await consumeSignInEmailLimit({ email, ip: fromAnywhere(), now: at(i) }));
    expect(flood.filter((verdict) => verdict.allowed)).toHaveLength(5);
    // The attacker keeps hammering for the rest of the minute: refused, and it pushes nothing back.
    for (let second = 20; second < 60; second += 2)
      expect((await consumeSignInEmailLimit({ email, ip: fromAnywhere(), now: at(second) })).allowed).toBe(
        false,
      );
    // The owner, a minute after the flood began, gets a link.
    const owner = await consumeSignInEmailLimit({ email, ip: "203.0.113.7", now: at(61) });
    expect(owner).toEqual({ allowed: true, retryAfterSeconds: 0 });
    // And the flood's pace stays one link a minute at most.
    expect((await consumeSignInEmailLimit({ email, ip: fromAnywhere(), now: at(62) })).allowed).toBe(false);
    expect((await consumeSignInEmailLimit({ email, ip: fromAnywhere(), now: at(122) })).allowed).toBe(true);
  });

  it("allows five links per address, then answers the neutral page and sends nothing", async () => {
    const email = `limited-${uniqueSuffix()}@example.com`;
    for (let i = 0; i < 5; i++)
      expect(await guardEmailSignIn(signInRequest(email), ["signin", "email"])).toBeNull();
    const refused = await POST(signInRequest(email), signInContext);
    expect(refused.status).toBe(200);
    expect(await refused.json()).toEqual({
      url: "http://localhost:3000/api/auth/verify-request?provider=email&type=email",
    });
    expect(await mail.messagesTo(email)).toHaveLength(0);
    expect(await db().verificationToken.count({ where: { identifier: email } })).toBe(0);
  });

  it("limits one client IP across many addresses", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const suffix = uniqueSuffix();
    for (let i = 0; i < 30; i++) {
      expect(
        await guardEmailSignIn(signInRequest(`ip-${i}-${suffix}@example.com`, ip), ["signin", "email"]),
      ).toBeNull();
    }
    const refused = await guardEmailSignIn(signInRequest(`ip-last-${suffix}@example.com`, ip), [
      "signin",
      "email",
    ]);
    expect(refused?.status).toBe(200);
    // Another client asking for the same new address is not affected.
    expect(
      await guardEmailSignIn(signInRequest(`ip-last-${suffix}@example.com`), ["signin", "email"]),
    ).toBeNull();
  });

  it("refuses an address with a display name, a list or a NUL with a clear 400, sending nothing", async () => {
    for (const email of [
      '"a-owner@example.com" <mallory@example.com>',
      "a@example.com,b@example.com",
      "a\u0000@example.com",
      `${"a".repeat(5012)}@example.com`,
    ]) {
      const response = await POST(signInRequest(email), signInContext);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; url: string };
      expect(body.error).toMatch(/one email address/);
      expect(new URL(body.url).searchParams.get("error")).toBe("EmailInvalid");
    }
    expect(await mail.messagesTo("mallory@example.com")).toHaveLength(0);
  });
});

describe("invitations", () => {
  async function owner() {
    const org = await db().organization.create({ data: { name: `Org ${uniqueSuffix()}` } });
    const user = await seedMember(org.id, "owner");
    return { ...user, role: "owner" as const, organization: { id: org.id, name: org.name } };
  }

  it("sends one invitee at most three invitations per window, then says so and sends nothing", async () => {
    const inviter = await owner();
    const email = `invitee-${uniqueSuffix()}@example.com`;
    for (let i = 0; i < 3; i++) await inviteMember({ inviter, email });
    const refusal = await inviteMember({ inviter, email }).catch((error: unknown) => error);
    expect(isAppError(refusal) && refusal.code).toBe("rate_limited");
    expect(isAppError(refusal) && refusal.userMessage).toMatch(/Too many invitations/);
    expect(await mail.messagesTo(email)).toHaveLength(3);
  });

  it("limits one inviter to twenty invitations per window", async () => {
    const inviter = await owner();
    const suffix = uniqueSuffix();
    for (let i = 0; i < 20; i++) await inviteMember({ inviter, email: `many-${i}-${suffix}@example.com` });
    const last = `many-last-${suffix}@example.com`;
    await expect(inviteMember({ inviter, email: last })).rejects.toThrow(/Too many invitations/);
    expect(await mail.messagesTo(last)).toHaveLength(0);
    expect(await db().invitation.count({ where: { email: last } })).toBe(0);
  });

  it("refuses a display name or a semicolon list with a clear message and sends nothing", async () => {
    const inviter = await owner();
    for (const email of ['"Boss" <mallory@example.com>', "a@example.com; mallory@example.com"]) {
      await expect(inviteMember({ inviter, email })).rejects.toThrow(/one email address/);
    }
    expect(await mail.messagesTo("mallory@example.com")).toHaveLength(0);
  });
});
