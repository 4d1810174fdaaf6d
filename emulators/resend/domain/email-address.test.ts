import { describe, expect, it } from "vitest";
import { addressOf } from "./email-address";

describe("addressOf", () => {
  it.each([
    ["ada@example.com", "ada@example.com"],
    ["Ada@Example.COM", "ada@example.com"],
    ["Ada Lovelace <ada@example.com>", "ada@example.com"],
    ['"Lovelace, Ada" <ada@example.com>', "ada@example.com"],
    ["<ada@example.com>", "ada@example.com"],
    ["ada+tag@sub.example.co.uk", "ada+tag@sub.example.co.uk"],
  ])("accepts %s", (input, expected) => {
    expect(addressOf(input)).toBe(expected);
  });

  it.each([
    "",
    "ada",
    "ada@",
    "@example.com",
    "ada@example",
    "ada @example.com",
    "Ada <ada@example.com",
    "a@b@example.com",
  ])("rejects %j", (input) => {
    expect(addressOf(input)).toBeNull();
  });
});
