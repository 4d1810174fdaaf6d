import { describe, expect, it } from "vitest";
import { EMAIL_ADDRESS_MESSAGE, emailAddressSchema, parseEmailAddress } from "./email-address";

describe("parseEmailAddress", () => {
  it.each([
    ["a-owner@example.com", "a-owner@example.com"],
    ["  Person.Name+tag@Example.COM ", "person.name+tag@example.com"],
    ["o'brien@sub.example.co.uk", "o'brien@sub.example.co.uk"],
  ])("accepts %j as %j", (raw, email) => {
    expect(parseEmailAddress(raw)).toEqual({ kind: "valid", email });
  });

  it.each([
    '"a-owner@example.com" <mallory@example.com>',
    "Mallory <mallory@example.com>",
    "a@example.com, b@example.com",
    "a@example.com;b@example.com",
    "a@example.com\r\nBcc: b@example.com",
    "a\u0000@example.com",
    "a@example.com\u0000",
    "a\t@example.com",
    "two words@example.com",
    "a@b@example.com",
    "@example.com",
    "a@",
    "a@localhost",
    "a@-example.com",
    ".a@example.com",
    "a..b@example.com",
    "a.@example.com",
    "a@exa_mple.com",
    "ä@example.com",
    `${"a".repeat(65)}@example.com`,
    `a@${"b".repeat(250)}.com`,
    `${"a".repeat(5000)}@example.com`,
    "",
  ])("refuses %j with a clear message", (raw) => {
    expect(parseEmailAddress(raw)).toEqual({ kind: "invalid", message: EMAIL_ADDRESS_MESSAGE });
  });

  it("refuses what is not a string", () => {
    expect(parseEmailAddress(undefined).kind).toBe("invalid");
    expect(parseEmailAddress(["a@example.com"]).kind).toBe("invalid");
  });

  it("refuses anything longer than 254 characters even when every part looks fine", () => {
    const long = `${"a".repeat(64)}@${"b".repeat(61)}.${"c".repeat(61)}.${"d".repeat(61)}.${"e".repeat(61)}.com`;
    expect(long.length).toBeGreaterThan(254);
    expect(parseEmailAddress(long).kind).toBe("invalid");
  });
});

describe("emailAddressSchema", () => {
  it("normalises or reports the same message", () => {
    expect(emailAddressSchema.parse("A@Example.com")).toBe("a@example.com");
    const result = emailAddressSchema.safeParse("Mallory <m@example.com>");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(EMAIL_ADDRESS_MESSAGE);
  });
});
