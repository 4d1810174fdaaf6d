import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { isRecordId, parseRecordId } from "./record-id";

describe("parseRecordId", () => {
  it.each(["conn_AbC-12_x", "clx1y2z3a0000abcd1234efgh"])("keeps %j", (id) => {
    expect(parseRecordId(id)).toBe(id);
  });

  it.each(["\u0000", "a\u0000b", "", "a/b", "..", "x".repeat(65), "a b", "%00"])(
    "answers 400 for %j",
    (id) => {
      const error = (() => {
        try {
          return parseRecordId(id, "connection");
        } catch (caught) {
          return caught;
        }
      })();
      expect(isAppError(error) && [error.status, error.userMessage]).toEqual([
        400,
        "This connection id is not valid.",
      ]);
    },
  );

  it("is a type guard for pages", () => {
    expect(isRecordId(42)).toBe(false);
  });
});
