import { describe, expect, it } from "vitest";
import { defaultEmployeeCount, generateCompany } from "./company-generator";

describe("generateCompany", () => {
  it("is deterministic per company id and different across companies", () => {
    const a = generateCompany("company-a", 25);
    const again = generateCompany("company-a", 25);
    const b = generateCompany("company-b", 25);
    expect(JSON.stringify(again)).toBe(JSON.stringify(a));
    expect(
      b.company.legal_name === a.company.legal_name &&
        b.employees[0]?.individual.id === a.employees[0]?.individual.id,
    ).toBe(false);
    expect(b.employees[0]?.individual.id).not.toBe(a.employees[0]?.individual.id);
  });

  it("picks 12 to 40 people for Connect-made companies", () => {
    const sizes = Array.from({ length: 50 }, (_, i) => defaultEmployeeCount(`c-${i}`));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(40);
    expect(new Set(sizes).size).toBeGreaterThan(5);
  });

  it("builds a consistent org chart with unique ids and matching records", () => {
    const { employees } = generateCompany("org-chart", 30);
    const ids = employees.map((e) => e.individual.id);
    expect(new Set(ids).size).toBe(30);
    expect(employees[0]?.directory.manager).toBeNull();
    for (const e of employees) {
      expect(e.directory.id).toBe(e.individual.id);
      expect(e.employment.id).toBe(e.individual.id);
      expect(e.employment.first_name).toBe(e.individual.first_name);
      if (e.directory.manager) expect(ids).toContain(e.directory.manager.id);
      expect(e.individual.emails?.[0]?.data).toMatch(/@[a-z0-9-]+\.example$/);
    }
  });

  it("keeps earlier people unchanged when the company grows", () => {
    const small = generateCompany("growing", 12).employees.map((e) => e.individual);
    const large = generateCompany("growing", 20)
      .employees.slice(0, 12)
      .map((e) => e.individual);
    expect(large).toEqual(small);
  });
});
