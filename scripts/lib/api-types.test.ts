import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, generateApiTypes } from "./api-types";

describe("the typed client's types", () => {
  it("are what npm run api:types generates from the OpenAPI document now (run it after changing the API)", async () => {
    expect(fs.readFileSync(API_TYPES_FILE, "utf8")).toBe(await generateApiTypes());
  });
});
