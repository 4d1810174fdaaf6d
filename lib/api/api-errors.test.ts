import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ERROR_CODES } from "./api-errors";

describe("the API's error codes", () => {
  it("are each in README's table with their status and meaning", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Using the API from your backend"));
    for (const [code, { status, meaning }] of Object.entries(API_ERROR_CODES)) {
      const row = section.split("\n").find((line) => line.startsWith(`| \`${code}\``));
      expect(row, code).toBeDefined();
      const cells = (row ?? "").split("|").map((cell) => cell.trim());
      expect(cells[2], code).toBe(String(status));
      expect(cells[3].replaceAll("`", ""), code).toBe(meaning);
    }
  });
});
