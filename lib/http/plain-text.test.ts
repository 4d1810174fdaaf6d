import { describe, expect, it } from "vitest";
import { isPlainText, plainTextSchema, toPlainText } from "./plain-text";

describe("isPlainText", () => {
  it.each(["", "acme", "Zoë & Co", "émoji 🙂", "日本語", "a\u00a0b", "conn_AbC-123"])("keeps %j", (value) => {
    expect(isPlainText(value)).toBe(true);
  });

  it.each([
    "\u0000",
    "a\u0000b",
    "\t",
    "a\nb",
    "\u001f",
    "\u007f",
    "\u0085",
    "abc\ud800",
    "\udc00x",
    "\ud83d",
  ])("refuses %j", (value) => {
    expect(isPlainText(value)).toBe(false);
  });

  it("turns what it refuses into spaces where the text is kept", () => {
    expect(toPlainText("Wrong\u0000password\nfor abc\ud800 🙂")).toBe("Wrong password for abc  🙂");
    expect(isPlainText(toPlainText("\u0000\u0085\udc00"))).toBe(true);
  });

  it("is a zod check with a clear message", () => {
    const result = plainTextSchema().safeParse("a\u0000");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Remove control characters and invalid Unicode.");
    expect(plainTextSchema().max(3).safeParse("abc").success).toBe(true);
  });
});
