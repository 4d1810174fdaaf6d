import { describe, expect, it } from "vitest";
import { safeLocalPath } from "./safe-redirect";

describe("safeLocalPath", () => {
  it("keeps local paths with their query", () => {
    expect(safeLocalPath("/connections/abc?x=1")).toBe("/connections/abc?x=1");
  });

  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", ""])(
    "refuses %s",
    (value) => {
      expect(safeLocalPath(value, "/home")).toBe("/home");
    },
  );

  it("takes the first of repeated parameters", () => {
    expect(safeLocalPath(["/a", "https://evil.example"])).toBe("/a");
  });
});
