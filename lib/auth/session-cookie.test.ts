import { describe, expect, it } from "vitest";
import { sessionCookie, sessionCookieName } from "./session-cookie";

describe("next-auth's session cookie", () => {
  const expires = new Date("2027-01-01T00:00:00Z");

  it("is __Secure- prefixed and Secure when the app is served over https", () => {
    expect(sessionCookie("tok", expires, "https://payroll.example.com")).toEqual({
      name: "__Secure-next-auth.session-token",
      value: "tok",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true, expires },
    });
  });

  it("is plain over http (local runs), as next-auth names it there", () => {
    expect(sessionCookieName("http://localhost:3000")).toBe("next-auth.session-token");
    expect(sessionCookie("tok", expires, "http://localhost:3000").options.secure).toBe(false);
  });
});
