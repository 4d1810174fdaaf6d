import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finchBody, rejection, startTestEmulator, type TestEmulator } from "./test-support/test-emulator";

describe("employer data endpoints", () => {
  let t: TestEmulator;
  let finch: Finch;
  let connection: Finch.Sandbox.ConnectionCreateResponse;
  beforeAll(async () => {
    t = await startTestEmulator();
    connection = await t.client.sandbox.connections.create({ provider_id: "gusto", employee_size: 23 });
    finch = t.withToken(connection.access_token);
  });
  afterAll(() => t.close());

  it("returns a realistic company whose id is the connection's company", async () => {
    const { data, response } = await finch.hris.company.retrieve().withResponse();
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("finch-request-id")).toBeTruthy();
    expect(data.id).toBe(connection.company_id);
    expect(data.legal_name).toMatch(/^[A-Z][\w &]+ (LLC|Inc\.|Co\.)$/);
    expect(data.ein).toMatch(/^\d{2}-\d{7}$/);
    expect(data.departments?.length).toBeGreaterThanOrEqual(4);
    expect(data.locations?.[0]).toMatchObject({ country: "US" });
  });

  it("checks entity_ids[] against the connection's entity", async () => {
    const ok = await finch.hris.company.retrieve({ entity_ids: [connection.entity_id] });
    expect(ok.id).toBe(connection.company_id);
    const wrong = await rejection(finch.hris.company.retrieve({ entity_ids: ["someone-else"] }));
    expect(wrong).toBeInstanceOf(Finch.BadRequestError);
  });

  it("pages the directory so the SDK's auto-pagination sees everyone exactly once", async () => {
    const everyone: string[] = [];
    for await (const person of finch.hris.directory.list({ limit: 5 })) everyone.push(person.id);
    expect(everyone).toHaveLength(23);
    expect(new Set(everyone).size).toBe(23);

    const page = await finch.hris.directory.list({
      limit: 5,
      offset: 20,
      entity_ids: [connection.entity_id],
    });
    expect(page.paging).toEqual({ count: 23, offset: 20 });
    expect(page.individuals).toHaveLength(3);
    expect(page.hasNextPage()).toBe(false);

    const all = await finch.hris.directory.list();
    expect(all.individuals.map((p) => p.id)).toEqual(everyone);
    const managerIds = new Set(all.individuals.map((p) => p.manager?.id).filter(Boolean));
    for (const id of managerIds) expect(everyone).toContain(id);
  });

  it("answers individual and employment batches per item, with 404 items for unknown ids", async () => {
    const [first, second] = (await finch.hris.directory.list({ limit: 2 })).individuals;
    const ids = [first?.id ?? "", second?.id ?? "", "not-an-individual"];
    const individuals = await finch.hris.individuals.retrieveMany({
      requests: ids.map((individual_id) => ({ individual_id })),
    });
    const items = individuals.getPaginatedItems();
    expect(items.map((i) => [i.individual_id, i.code])).toEqual([
      [ids[0], 200],
      [ids[1], 200],
      ["not-an-individual", 404],
    ]);
    expect(items[0]?.body).toMatchObject({
      id: ids[0],
      first_name: first?.first_name,
      last_name: first?.last_name,
      ssn: null,
    });
    expect(items[2]?.body).toMatchObject({
      code: 404,
      name: "not_found_error",
      finch_code: "individual_not_found",
    });

    const employments = (
      await finch.hris.employments.retrieveMany({ requests: [{ individual_id: ids[0] ?? "" }] })
    ).getPaginatedItems();
    expect(employments[0]).toMatchObject({ individual_id: ids[0], code: 200 });
    expect(employments[0]?.body).toMatchObject({
      id: ids[0],
      employment: { type: expect.any(String) },
      income: { currency: "usd" },
    });
  });

  it("rejects a batch without a requests array as a bad request", async () => {
    const response = await fetch(`${t.url}/employer/individual`, {
      method: "POST",
      headers: { authorization: `Bearer ${connection.access_token}`, "content-type": "application/json" },
      body: JSON.stringify({ individual_ids: [] }),
    });
    expect(response.status).toBe(400);
  });

  it("refuses products the token was not granted with 403 insufficient_scope_error", async () => {
    const narrow = await t.client.sandbox.connections.create({ provider_id: "gusto", products: ["company"] });
    const error = await rejection(t.withToken(narrow.access_token).hris.directory.list());
    expect(error).toBeInstanceOf(Finch.PermissionDeniedError);
    expect(finchBody(error)).toMatchObject({ name: "insufficient_scope_error" });
  });

  it("keeps the same company and individual ids for every token of the same company", async () => {
    const again = await t.client.sandbox.connections.accounts.create({
      company_id: connection.company_id ?? "",
      provider_id: "gusto",
    });
    expect(again.connection_id).toBe(connection.connection_id);
    expect(again.access_token).not.toBe(connection.access_token);
    const viaNewToken = await t.withToken(again.access_token).hris.directory.list();
    const viaOldToken = await finch.hris.directory.list();
    expect(viaNewToken.individuals).toEqual(viaOldToken.individuals);
  });

  it("lists the pay runs between the dates asked, every 14 days, paying everyone", async () => {
    const payroll = await t.client.sandbox.connections.create({
      provider_id: "gusto",
      employee_size: 23,
      products: ["company", "payment"],
    });
    const runs = await t
      .withToken(payroll.access_token)
      .hris.payments.list({ start_date: "2026-01-01", end_date: "2026-03-31" });
    const items = runs.getPaginatedItems();
    expect(items.length).toBeGreaterThanOrEqual(6);
    expect(items.length).toBeLessThanOrEqual(7);
    for (const run of items) {
      expect(run.pay_date! >= "2026-01-01" && run.pay_date! <= "2026-03-31").toBe(true);
      expect(run.individual_ids).toHaveLength(23);
    }
    const missing = await fetch(`${t.url}/employer/payment`, {
      headers: { authorization: `Bearer ${payroll.access_token}` },
    });
    expect(missing.status).toBe(400);
  });

  it("answers unknown paths with a Finch 404 body", async () => {
    const response = await fetch(`${t.url}/employer/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 404, name: "not_found_error" });
    // Odd request targets are answered, never crash the server.
    expect((await fetch(`${t.url}//employer/company`)).status).toBe(404);
    const malformed = await fetch(`${t.url}/_emulator/connections/%E0%A4%A/status`, {
      method: "POST",
      body: "{}",
    });
    expect(malformed.status).toBe(400);
    expect((await fetch(`${t.url}/introspect`, { method: "DELETE" })).status).toBe(405);
  });
});
