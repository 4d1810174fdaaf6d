import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInThroughConnect } from "./test-support/connect-browser";
import {
  control,
  finchBody,
  rejection,
  startTestEmulator,
  type TestEmulator,
} from "./test-support/test-emulator";

const REDIRECT_URI = "http://localhost:3000/api/finch/callback";
const PRODUCTS: Finch.Connect.SessionNewParams["products"] = [
  "company",
  "directory",
  "individual",
  "employment",
];

describe("reauthentication end to end through the SDK and the Connect pages", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.close());

  async function connect(connectUrl: string, username: string) {
    const result = await signInThroughConnect(`${connectUrl}&state=s-${username}`, {
      username,
      provider: "gusto",
    });
    expect(result.status).toBe(302);
    expect(result.location?.startsWith(`${REDIRECT_URI}?`)).toBe(true);
    expect(result.state).toBe(`s-${username}`);
    return t.client.accessTokens.create({ code: result.code ?? "", redirect_uri: REDIRECT_URI });
  }

  async function newConnection(customerId: string, username = "admin") {
    const session = await t.client.connect.sessions.new({
      customer_id: customerId,
      customer_name: `Customer ${customerId}`,
      products: PRODUCTS,
      redirect_uri: REDIRECT_URI,
    });
    return connect(session.connect_url, username);
  }

  const peopleIds = async (finch: Finch) => (await finch.hris.directory.list()).individuals.map((p) => p.id);

  it("breaks a connection, reports reauth, and repairs it with a new token for the same connection", async () => {
    const first = await newConnection("cust-reauth");
    const oldClient = t.withToken(first.access_token);
    const company = await oldClient.hris.company.retrieve();
    const ids = await peopleIds(oldClient);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    expect(ids.length).toBeLessThanOrEqual(40);

    await oldClient.sandbox.connections.accounts.update({ connection_status: "reauth" });

    for (const call of [
      () => oldClient.hris.company.retrieve(),
      () => oldClient.hris.directory.list(),
      () => oldClient.hris.individuals.retrieveMany({ requests: [{ individual_id: ids[0] ?? "" }] }),
      () => oldClient.hris.employments.retrieveMany({ requests: [{ individual_id: ids[0] ?? "" }] }),
    ]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(Finch.AuthenticationError);
      expect(finchBody(error)).toEqual({
        code: 401,
        name: "authentication_error",
        finch_code: "reauthenticate_user",
        message: "Please reauthenticate user",
        statusCode: 401,
        status: 401,
      });
    }
    expect((await oldClient.account.introspect()).connection_status.status).toBe("reauth");

    const session = await t.client.connect.sessions.reauthenticate({
      connection_id: first.connection_id,
      redirect_uri: REDIRECT_URI,
    });
    const repaired = await connect(session.connect_url, "admin");
    expect(repaired.connection_id).toBe(first.connection_id);
    expect(repaired.access_token).not.toBe(first.access_token);

    const newClient = t.withToken(repaired.access_token);
    expect((await newClient.account.introspect()).connection_status.status).toBe("connected");
    expect((await newClient.hris.company.retrieve()).id).toBe(company.id);
    expect(await peopleIds(newClient)).toEqual(ids);
    // Coexistence model: the pre-reauth token works again once the connection is repaired.
    expect((await oldClient.hris.company.retrieve()).id).toBe(company.id);
  });

  it("an 'other…' username during reauth lands on a different company and leaves the original broken", async () => {
    const first = await newConnection("cust-other");
    const original = t.withToken(first.access_token);
    const company = await original.hris.company.retrieve();
    await original.sandbox.connections.accounts.update({ connection_status: "reauth" });

    const session = await t.client.connect.sessions.reauthenticate({
      connection_id: first.connection_id,
      redirect_uri: REDIRECT_URI,
    });
    const wrongAccount = await connect(session.connect_url, "other-admin");
    expect(wrongAccount.connection_id).not.toBe(first.connection_id);
    const other = t.withToken(wrongAccount.access_token);
    expect((await other.hris.company.retrieve()).id).not.toBe(company.id);
    expect((await original.account.introspect()).connection_status.status).toBe("reauth");
  });

  it("maps the same customer, provider and username to the same connection, and 'other…' to a new one", async () => {
    const a = await newConnection("cust-map", "alice");
    const b = await newConnection("cust-map", "bob");
    const c = await newConnection("cust-map", "other-carol");
    const d = await newConnection("cust-map", "other-carol");
    const e = await newConnection("cust-map-2", "alice");
    expect(b.connection_id).toBe(a.connection_id);
    expect(c.connection_id).not.toBe(a.connection_id);
    expect(d.connection_id).toBe(c.connection_id);
    expect(e.connection_id).not.toBe(a.connection_id);
  });

  it("can revoke older tokens on reauth when that setting is on", async () => {
    await control(t.url, "PUT", "/_emulator/settings", { revokeOldTokensOnReauth: true });
    try {
      const first = await newConnection("cust-revoke");
      const session = await t.client.connect.sessions.reauthenticate({
        connection_id: first.connection_id,
        redirect_uri: REDIRECT_URI,
      });
      const second = await connect(session.connect_url, "admin");
      const error = await rejection(t.withToken(first.access_token).hris.company.retrieve());
      expect(finchBody(error)).toMatchObject({ name: "invalid_token_error" });
      expect((await t.withToken(second.access_token).hris.company.retrieve()).id).toBeTruthy();
    } finally {
      await control(t.url, "PUT", "/_emulator/settings", { revokeOldTokensOnReauth: false });
    }
  });

  it("disconnect revokes every token of the connection and blocks new reauth sessions", async () => {
    const first = await newConnection("cust-disconnect");
    const companyId = (await t.withToken(first.access_token).account.introspect()).company_id ?? "";
    const second = await t.client.sandbox.connections.accounts.create({
      company_id: companyId,
      provider_id: "gusto",
    });
    expect(second.connection_id).toBe(first.connection_id);

    expect(await t.withToken(first.access_token).account.disconnect()).toEqual({ status: "success" });
    for (const token of [first.access_token, second.access_token]) {
      const error = await rejection(t.withToken(token).hris.company.retrieve());
      expect(error).toBeInstanceOf(Finch.AuthenticationError);
      expect(finchBody(error)).toMatchObject({ name: "invalid_token_error" });
      const introspect = await rejection(t.withToken(token).account.introspect());
      expect(introspect).toBeInstanceOf(Finch.AuthenticationError);
    }
    const reauth = await rejection(
      t.client.connect.sessions.reauthenticate({ connection_id: first.connection_id }),
    );
    expect(reauth).toBeInstanceOf(Finch.BadRequestError);

    // Connecting again after a disconnect makes a new connection for the same company.
    const again = await newConnection("cust-disconnect");
    expect(again.connection_id).not.toBe(first.connection_id);
    expect((await t.withToken(again.access_token).account.introspect()).company_id).toBe(companyId);
  });
});
