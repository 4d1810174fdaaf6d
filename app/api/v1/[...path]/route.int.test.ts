// The catch-all of /api/v1: an unknown path gets the API's error body, not the HTML not-found page.
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/[...path]/route";

describe("any other path under /api/v1", () => {
  it("answers the API's 404 error body with the JSON security headers, for every method", async () => {
    for (const answer of [GET(), POST()]) {
      expect(answer.status).toBe(404);
      expect(await answer.json()).toMatchObject({ error: { code: "not_found" } });
      expect(answer.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });
});
