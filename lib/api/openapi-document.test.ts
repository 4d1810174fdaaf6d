import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { checkAgainstContract, matchPathTemplate } from "@/test/api-contract-check";
import { API_ERROR_CODES } from "./api-errors";
import { API_ENDPOINTS } from "./endpoints";
import { openApiDocument } from "./openapi-document";

const document = () => openApiDocument(API_ENDPOINTS, { version: "1.0.0", serverUrl: "https://example.com" });

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document by @readme/openapi-parser", async () => {
    // The parser dereferences in place: give it its own copy.
    const result = await validate(structuredClone(document()));
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("documents every endpoint once, with its scope, its answers and the errors it may give", () => {
    const { paths } = document();
    for (const endpoint of API_ENDPOINTS) {
      const operation = paths[endpoint.path][endpoint.method] as {
        operationId: string;
        "x-scope": string;
        responses: Record<string, unknown>;
      };
      expect(operation.operationId).toBe(endpoint.operationId);
      expect(operation["x-scope"]).toBe(endpoint.scope);
      const statuses = Object.keys(operation.responses);
      for (const status of Object.keys(endpoint.responses)) expect(statuses).toContain(status);
      for (const code of [
        "unauthorized",
        "forbidden",
        "invalid_request",
        "rate_limited",
        "internal",
      ] as const)
        expect(statuses).toContain(String(API_ERROR_CODES[code].status));
    }
    const ids = API_ENDPOINTS.map((endpoint) => endpoint.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("checking answers against the document (what callApi does in every API test)", () => {
  const connection = {
    id: "c1",
    finch_connection_id: "f1",
    organization: { id: "o1", external_id: null, name: "Acme" },
    provider_id: "gusto",
    provider_name: "Gusto",
    status: "connected",
    status_since: "2026-12-01T10:00:00.000Z",
    detection_path: "host_api",
    products: ["company"],
    token_rotated_at: "2026-12-01T10:00:00.000Z",
    entities: [],
  };

  it("matches concrete paths to their templates", () => {
    const templates = Object.keys(document().paths);
    expect(matchPathTemplate(templates, "/api/v1/connections/c1/signals")).toBe(
      "/api/v1/connections/{id}/signals",
    );
    expect(matchPathTemplate(templates, "/api/v1/connections")).toBe("/api/v1/connections");
    expect(matchPathTemplate(templates, "/api/v1/nothing")).toBeUndefined();
  });

  it("accepts a documented answer and refuses undocumented statuses, paths and wrong bodies", () => {
    const url = "/api/v1/connections/c1/signals";
    expect(() =>
      checkAgainstContract({ method: "POST", url, status: 202, body: { outcome: "stale", connection } }),
    ).not.toThrow();
    expect(() =>
      checkAgainstContract({
        method: "POST",
        url,
        status: 404,
        body: { error: { code: "not_found", message: "No connection has this id." } },
      }),
    ).not.toThrow();
    expect(() => checkAgainstContract({ method: "POST", url, status: 200, body: {} })).toThrow(
      /status is not documented/,
    );
    expect(() =>
      checkAgainstContract({ method: "POST", url, status: 202, body: { outcome: "maybe", connection } }),
    ).toThrow(/does not match/);
    expect(() =>
      checkAgainstContract({
        method: "POST",
        url,
        status: 400,
        body: { error: { code: "oops", message: "" } },
      }),
    ).toThrow(/does not match/);
    expect(() => checkAgainstContract({ method: "DELETE", url, status: 204, body: null })).toThrow(
      /not documented/,
    );
    expect(() => checkAgainstContract({ method: "GET", url: "/api/v2/x", status: 200, body: {} })).toThrow(
      /not a documented path/,
    );
  });
});
