import { describe, expect, it } from "vitest";
import { crossSiteReason } from "./same-origin";

const APP = "http://localhost:3000";

function request(path: string, method: string, headers: Record<string, string> = {}) {
  return new Request(`${APP}${path}`, { method, headers });
}

describe("crossSiteReason", () => {
  it.each([
    ["a foreign Origin", { origin: "http://evil.example" }],
    ["another port of our host", { origin: "http://localhost:3001" }],
    ["an opaque Origin", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
    ["cross-site even with our Origin", { origin: APP, "sec-fetch-site": "cross-site" }],
  ])("refuses a POST with %s", (_label, headers) => {
    expect(crossSiteReason(request("/api/connections/sweep", "POST", headers), APP)).not.toBeNull();
  });

  it.each([
    ["our own Origin", { origin: APP, "sec-fetch-site": "same-origin" }],
    ["no browser headers (a server-to-server call)", {}],
    ["a user-typed navigation", { "sec-fetch-site": "none" }],
  ])("lets a POST with %s through", (_label, headers) => {
    expect(crossSiteReason(request("/api/connections/sweep", "POST", headers), APP)).toBeNull();
  });

  it("never refuses reads", () => {
    const foreign = { origin: "http://evil.example", "sec-fetch-site": "cross-site" };
    expect(crossSiteReason(request("/api/connections", "GET", foreign), APP)).toBeNull();
  });

  it("lets Finch's webhook and the one-click unsubscribe come from anywhere", () => {
    const foreign = { origin: "https://mail.example", "sec-fetch-site": "cross-site" };
    expect(crossSiteReason(request("/api/finch/webhook", "POST", foreign), APP)).toBeNull();
    expect(crossSiteReason(request("/api/email/unsubscribe?token=x", "POST", foreign), APP)).toBeNull();
    expect(crossSiteReason(request("/api/email/unsubscribe/x", "POST", foreign), APP)).not.toBeNull();
  });
});
