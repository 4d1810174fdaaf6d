import { describe, expect, it } from "vitest";
import { safeAuthRedirect, safeLocalPath, sameOriginPath } from "./safe-redirect";

const BASE = "https://app.example.com";

describe("sameOriginPath", () => {
  it.each([
    ["/connections/abc?x=1", "/connections/abc?x=1"],
    ["/", "/"],
    ["/team#members", "/team#members"],
    ["https://app.example.com/team?a=b", "/team?a=b"],
    ["team", "/team"],
    ["/a/../b", "/b"],
    ["/a/./b/../c", "/a/c"],
    ["/search?next=%2F%2Fx", "/search?next=%2F%2Fx"],
    // Resolved the way a browser would, then only the normalised path is returned.
    ["https:evil.example", "/evil.example"],
  ])("keeps %j as %j", (value, expected) => {
    expect(sameOriginPath(value, BASE)).toBe(expected);
  });

  // Known open-redirect bypasses: each must be refused, never passed through or thrown.
  it.each([
    "https://evil.example/",
    "http://app.example.com/", // another scheme is another origin
    "https://app.example.com.evil.example/",
    "https://app.example.com@evil.example/",
    "//evil.example/x",
    "///evil.example",
    "////evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "/\n/x",
    "/%0A/x",
    "/\r/evil.example",
    "/%0D%0ALocation:%20https://evil.example",
    "/%5Cevil.example",
    "/\u0000x",
    "/%00x",
    "/\u007f/evil.example",
    "/\u0085/evil.example",
    "/。x",
    "/\u3002evil.example",
    "/\uff0eevil.example",
    "/\u2028/evil.example",
    "/\u00a0/evil.example",
    // Dot segments that leave `//host` behind (issue 25), raw and as a page would decode them.
    "/.//evil.example",
    "/..//evil.example",
    "/x/..//evil.example",
    "/a/b/../..//evil.example",
    "/%2E//evil.example",
    "/%2e%2e//evil.example",
    "/.%2F/evil.example",
    "/.%2f/evil.example",
    "/;/..//evil.example",
    "/.///evil.example",
    "/%2E%2E%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/x/%2e%2e/%2e%2e//evil.example",
    "/././/evil.example",
    "/x/.././/evil.example",
    "/.//127.0.0.1:4690/x",
    "https://app.example.com/.//evil.example",
    "https://app.example.com/..//evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "%",
    "",
    "x".repeat(3000),
  ])("refuses %j", (value) => {
    expect(sameOriginPath(value, BASE)).toBeNull();
  });

  it("refuses what is not a string", () => {
    expect(sameOriginPath(undefined, BASE)).toBeNull();
    expect(sameOriginPath(42, BASE)).toBeNull();
    expect(sameOriginPath({ href: "/" }, BASE)).toBeNull();
  });

  it("takes the first of repeated parameters", () => {
    expect(sameOriginPath(["/a", "https://evil.example"], BASE)).toBe("/a");
    expect(sameOriginPath(["//evil.example", "/a"], BASE)).toBeNull();
  });
});

describe("safeLocalPath", () => {
  it("falls back when the target leaves the site", () => {
    expect(safeLocalPath("/%09/evil.example", { fallback: "/home", base: BASE })).toBe("/home");
    expect(safeLocalPath("/team", { base: BASE })).toBe("/team");
  });
});

describe("safeAuthRedirect (next-auth's redirect callback)", () => {
  it.each([
    ["/team", `${BASE}/team`],
    [`${BASE}/connections/x?y=1`, `${BASE}/connections/x?y=1`],
    ["//evil.example", BASE],
    ["https://evil.example/", BASE],
    ["/\t/evil.example", BASE],
    ["not a url at all %", BASE],
  ])("sends %j to %j without throwing", (url, expected) => {
    expect(safeAuthRedirect({ url, baseUrl: BASE })).toBe(expected);
  });

  it("survives a malformed baseUrl", () => {
    expect(safeAuthRedirect({ url: "/x", baseUrl: "::" })).toBe("::");
  });
});
