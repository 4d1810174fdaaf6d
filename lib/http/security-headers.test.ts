import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  jsonSecurityHeaders,
  securityHeaders,
  type SecuritySettings,
} from "./security-headers";

const local: SecuritySettings = {
  appUrl: "http://localhost:3000",
  finchBaseUrl: "http://127.0.0.1:4010",
  finchConnectUrl: "http://127.0.0.1:4010",
  resendBaseUrl: "http://127.0.0.1:4020/",
  production: true,
};

const production: SecuritySettings = {
  appUrl: "https://connections.example.com",
  finchBaseUrl: "https://api.tryfinch.com",
  finchConnectUrl: "https://connect.tryfinch.com",
  production: true,
};

const directives = (policy: string) =>
  Object.fromEntries(policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("frames only Finch Connect, is framed by no one, and talks only to configured origins", () => {
    const policy = directives(contentSecurityPolicy(production));
    expect(policy["frame-src"]).toEqual(["https://connect.tryfinch.com"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["connect-src"]).toEqual([
      "'self'",
      "https://connections.example.com",
      "https://api.tryfinch.com",
      "https://connect.tryfinch.com",
    ]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["script-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy["upgrade-insecure-requests"]).toEqual([]);
  });

  it("lists each stand-in origin once and never upgrades plain-http local runs", () => {
    const policy = directives(contentSecurityPolicy(local));
    expect(policy["connect-src"]).toEqual([
      "'self'",
      "http://localhost:3000",
      "http://127.0.0.1:4010",
      "http://127.0.0.1:4020",
    ]);
    expect(policy["upgrade-insecure-requests"]).toBeUndefined();
  });

  it("allows eval only for next dev", () => {
    expect(directives(contentSecurityPolicy({ ...local, production: false }))["script-src"]).toContain(
      "'unsafe-eval'",
    );
  });
});

describe("securityHeaders", () => {
  const header = (path: string, settings: SecuritySettings, name: string) =>
    new Map(securityHeaders(path, settings)).get(name);

  it.each([
    "/reconnect/abc.def",
    "/login-link/abc",
    "/email/unsubscribe",
    "/api/auth/callback/email",
    "/api/email/unsubscribe",
  ])("sends no referrer from %s, whose URL carries a token", (path) => {
    expect(header(path, local, "Referrer-Policy")).toBe("no-referrer");
  });

  it("keeps the origin-only referrer elsewhere, with nosniff and no framing", () => {
    expect(header("/", local, "Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(header("/", local, "X-Content-Type-Options")).toBe("nosniff");
    expect(header("/", local, "X-Frame-Options")).toBe("DENY");
  });

  it("sends HSTS only in production over https", () => {
    expect(header("/", production, "Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
    expect(header("/", local, "Strict-Transport-Security")).toBeUndefined();
    expect(header("/", { ...production, production: false }, "Strict-Transport-Security")).toBeUndefined();
  });
});

describe("jsonSecurityHeaders", () => {
  it("lets nothing load, frame or sniff a JSON answer, and sends HSTS only in production over https", () => {
    const json = new Map(jsonSecurityHeaders(production));
    expect(json.get("Content-Security-Policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(json.get("X-Frame-Options")).toBe("DENY");
    expect(json.get("X-Content-Type-Options")).toBe("nosniff");
    expect(json.get("Referrer-Policy")).toBe("no-referrer");
    expect(json.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
    expect(new Map(jsonSecurityHeaders(local)).get("Strict-Transport-Security")).toBeUndefined();
  });
});
