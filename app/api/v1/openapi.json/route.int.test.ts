import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";

describe("GET /api/v1/openapi.json", () => {
  it("serves a valid OpenAPI 3.1 document of every endpoint, without a key", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await response.text();
    const document = JSON.parse(text) as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers[0].url).toBe(process.env.APP_URL);
    for (const endpoint of API_ENDPOINTS)
      expect(document.paths[endpoint.path][endpoint.method].operationId).toBe(endpoint.operationId);
    const result = await validate(JSON.parse(text) as Parameters<typeof validate>[0]);
    expect(result.valid).toBe(true);
  });
});
