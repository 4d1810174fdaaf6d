import { describe, expect, it } from "vitest";
import { brokenConnectionsCsv } from "./broken-connections-csv";
import { fleetFiltersQuery, parseFleetFilters, parseFleetFiltersStrictly } from "./fleet-filters";
import type { BrokenConnectionRow } from "./list-broken-connections";

describe("fleet filters", () => {
  it("keeps the valid filters and drops malformed ones instead of failing the page", () => {
    expect(
      parseFleetFilters({ status: "needs_reauth", provider: "gusto", age: "3_7d", q: " acme ", page: "3" }),
    ).toEqual({
      status: "needs_reauth",
      provider: "gusto",
      age: "3_7d",
      q: "acme",
      page: 3,
    });
    expect(parseFleetFilters({ status: "healthy", age: "forever", page: "-2", q: "" })).toEqual({ page: 1 });
    expect(parseFleetFilters({ provider: ["adp", "gusto"] })).toEqual({ provider: "adp", page: 1 });
  });

  it("drops control characters and invalid Unicode before they reach a query", () => {
    for (const bad of ["\u0000", "acme\u0000", "a\nb", "\u007f", "abc\ud800"]) {
      expect(parseFleetFilters({ q: bad, provider: bad, status: "needs_reauth" }), bad).toEqual({
        status: "needs_reauth",
        page: 1,
      });
      expect(parseFleetFiltersStrictly({ q: bad }), bad).toBeNull();
      expect(parseFleetFiltersStrictly({ provider: bad }), bad).toBeNull();
    }
    expect(parseFleetFiltersStrictly({ q: "Zoë & Co", provider: "gusto" })).toEqual({
      q: "Zoë & Co",
      provider: "gusto",
      page: 1,
    });
  });

  it("writes them back as a query string, page only past the first", () => {
    expect(fleetFiltersQuery({ provider: "gusto", q: "a&b", page: 1 })).toBe("?provider=gusto&q=a%26b");
    expect(fleetFiltersQuery({ page: 2 })).toBe("?page=2");
    expect(fleetFiltersQuery({})).toBe("");
  });
});

describe("the Broken connections CSV", () => {
  const row: BrokenConnectionRow = {
    connectionId: "c1",
    organizationId: "o1",
    organizationName: 'Acme, "Payroll" Inc',
    providerId: "gusto",
    providerName: "Gusto",
    status: "needs_reauth",
    since: new Date("2026-11-01T10:00:00Z"),
    detectionPath: "webhook",
    emailsDelivered: 2,
    linkOpened: true,
    reconnectAttempts: 1,
    lastReminderAt: null,
  };

  it("quotes what needs quoting and ends lines with CRLF", () => {
    expect(brokenConnectionsCsv([row]).split("\r\n")[1]).toBe(
      '"Acme, ""Payroll"" Inc",Gusto,needs_reauth,2026-11-01T10:00:00.000Z,webhook,2,yes,1,,c1',
    );
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    const csv = brokenConnectionsCsv([{ ...row, organizationName: '=HYPERLINK("http://x")' }]);
    expect(csv.split("\r\n")[1].startsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
  });
});
