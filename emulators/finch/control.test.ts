import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  control,
  finchBody,
  rejection,
  startTestEmulator,
  type TestEmulator,
} from "./test-support/test-emulator";

interface ConnectionView {
  connection_id: string;
  company_name: string;
  provider_id: string;
  status: string;
  token_count: number;
  tokens: { access_token: string }[];
}

describe("control API and control page", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.close());

  const connections = async () =>
    (await control<{ connections: ConnectionView[] }>(t.url, "GET", "/_emulator/connections")).connections;

  it("lists connections and changes their status, which the API then reflects", async () => {
    const sandbox = await t.client.sandbox.connections.create({ provider_id: "rippling" });
    const listed = (await connections()).find((c) => c.connection_id === sandbox.connection_id);
    expect(listed).toMatchObject({
      provider_id: "rippling",
      status: "connected",
      token_count: 1,
      tokens: [{ access_token: sandbox.access_token }],
    });
    expect(listed?.company_name).toBeTruthy();

    await control(t.url, "POST", `/_emulator/connections/${sandbox.connection_id}/status`, {
      status: "reauth",
    });
    const error = await rejection(t.withToken(sandbox.access_token).hris.company.retrieve());
    expect(finchBody(error)).toMatchObject({ finch_code: "reauthenticate_user" });

    await control(t.url, "POST", `/_emulator/connections/${sandbox.connection_id}/status`, {
      status: "error_permissions",
    });
    expect(await rejection(t.withToken(sandbox.access_token).hris.company.retrieve())).toBeInstanceOf(
      Finch.PermissionDeniedError,
    );

    await control(t.url, "POST", `/_emulator/connections/${sandbox.connection_id}/status`, {
      status: "connected",
    });
    expect((await t.withToken(sandbox.access_token).hris.company.retrieve()).id).toBe(sandbox.company_id);

    const unknown = await fetch(`${t.url}/_emulator/connections/nope/status`, {
      method: "POST",
      body: JSON.stringify({ status: "reauth" }),
    });
    expect(unknown.status).toBe(404);
    const invalid = await fetch(`${t.url}/_emulator/connections/${sandbox.connection_id}/status`, {
      method: "POST",
      body: JSON.stringify({ status: "sleepy" }),
    });
    expect(invalid.status).toBe(400);
  });

  it("renders the control page with per-connection buttons whose forms work without JavaScript", async () => {
    const sandbox = await t.client.sandbox.connections.create({ provider_id: "justworks" });
    const html = await (await fetch(`${t.url}/`)).text();
    expect(html).toContain(sandbox.connection_id);
    expect(html).toContain("Require reauthentication");
    expect(html).toContain("Restore");
    expect(html).toContain("Create sandbox connection");
    expect(html).toContain(`action="/_emulator/connections/${sandbox.connection_id}/status"`);

    const form = await fetch(`${t.url}/_emulator/connections/${sandbox.connection_id}/status`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "status=reauth",
      redirect: "manual",
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toMatch(/^\/\?notice=/);
    expect((await connections()).find((c) => c.connection_id === sandbox.connection_id)?.status).toBe(
      "reauth",
    );
  });

  it("creates a sandbox connection from the control page form and shows its token", async () => {
    const response = await fetch(`${t.url}/_emulator/connections`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "provider_id=paylocity&customer_name=Demo+Customer&employee_size=14",
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    const notice = new URL(response.headers.get("location") ?? "", t.url).searchParams.get("notice") ?? "";
    const token = /access token (\S+)/.exec(notice)?.[1] ?? "";
    const directory = await t.withToken(token).hris.directory.list();
    expect(directory.paging.count).toBe(14);
  });

  it("exposes issued codes for scripted flows", async () => {
    const body = await control<{ codes: unknown[] }>(t.url, "GET", "/_emulator/codes");
    expect(Array.isArray(body.codes)).toBe(true);
  });
});
