import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "./signed-token";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const now = new Date("2026-03-01T12:00:00Z");
const expiresAt = new Date("2026-03-31T12:00:00Z");
const make = (fields = ["conn_abc", "user_1"], purpose = "reconnect-link") =>
  signToken({ purpose, fields, expiresAt, secret });
const check = (token: string, overrides: Partial<Parameters<typeof verifyToken>[0]> = {}) =>
  verifyToken({ purpose: "reconnect-link", token, fieldCount: 2, secret, now, ...overrides });

describe("signed tokens", () => {
  it("round-trips the fields and the expiry (to the second)", () => {
    const result = check(make());
    expect(result).toEqual({ kind: "valid", fields: ["conn_abc", "user_1"], expiresAt });
  });

  it("is URL-safe", () => {
    expect(make()).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it("refuses a changed field, expiry or signature", () => {
    const token = make();
    const [connection, user, expiry, signature] = token.split(".");
    expect(check([connection, "user_2", expiry, signature].join("."))).toEqual({
      kind: "invalid",
      reason: "bad_signature",
    });
    expect(
      check([connection, user, (parseInt(expiry, 36) + 86_400).toString(36), signature].join(".")),
    ).toEqual({ kind: "invalid", reason: "bad_signature" });
    const flipped = signature.slice(0, -2) + (signature.at(-2) === "A" ? "B" : "A") + signature.at(-1);
    expect(check([connection, user, expiry, flipped].join("."))).toEqual({
      kind: "invalid",
      reason: "bad_signature",
    });
    expect(check(token.slice(0, -4))).toEqual({ kind: "invalid", reason: "bad_signature" });
  });

  it("refuses a token made for another purpose or with another secret", () => {
    expect(check(make(["conn_abc", "user_1"], "unsubscribe"))).toEqual({
      kind: "invalid",
      reason: "bad_signature",
    });
    expect(check(make(), { secret: `${secret}x` })).toEqual({ kind: "invalid", reason: "bad_signature" });
  });

  it("refuses an expired token, but only once it has expired", () => {
    expect(check(make(), { now: new Date(expiresAt.getTime() - 1000) }).kind).toBe("valid");
    expect(check(make(), { now: expiresAt })).toEqual({ kind: "invalid", reason: "expired" });
  });

  it("calls garbage malformed instead of throwing", () => {
    for (const token of ["", "abc", "a.b", "a.b.c.d.e", "a b.c.d.e", "%%%.x.y.z", "x".repeat(2000)]) {
      expect(check(token)).toMatchObject({ kind: "invalid" });
    }
    expect(check("a.b.c.d")).toEqual({ kind: "invalid", reason: "bad_signature" });
  });

  it("only signs URL-safe fields", () => {
    expect(() => make(["has.dot", "user"])).toThrow();
  });
});

describe("signature spelling", () => {
  it("refuses another base64url spelling of the same MAC (the last character's spare bits)", () => {
    const secret = "s".repeat(40);
    for (let i = 0; i < 64; i++) {
      const token = signToken({
        purpose: "p",
        fields: [`id${i}`],
        expiresAt: new Date(Date.now() + 60_000),
        secret,
      });
      const last = token.at(-1) as string;
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      const sibling = alphabet[alphabet.indexOf(last) ^ 1];
      expect(
        verifyToken({ purpose: "p", token: `${token.slice(0, -1)}${sibling}`, fieldCount: 1, secret }).kind,
      ).toBe("invalid");
    }
  });
});
