import { describe, expect, it } from "vitest";
import { affectedServices } from "./affected-services";

describe("affectedServices", () => {
  it("names the services a customer loses, once each, in product order", () => {
    expect(affectedServices(["company", "directory", "benefits", "deduction", "unknown"])).toEqual([
      "company profile sync",
      "employee directory sync",
      "payroll deductions",
    ]);
  });

  it("is empty for no products", () => {
    expect(affectedServices([])).toEqual([]);
  });
});
