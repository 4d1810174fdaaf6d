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
const APP_ORIGIN = "http://localhost:3000";
const STATUSES = [
  "reauth",
  "error_permissions",
  "error_no_account_setup",
  "disconnected",
  "pending",
  "processing",
];
const AUTH_TYPES = ["credential", "api_token", "oauth", "assisted"] as const;

describe("the cases a repair must handle, produced through the control API", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.close());

  const connectionPath = (id: string, what: string) => `/_emulator/connections/${id}/${what}`;

  it("sets every authentication type, which /introspect then reports", async () => {
    for (const type of AUTH_TYPES) {
      const sandbox = await t.client.sandbox.connections.create({ provider_id: "gusto" });
      const view = await control<{ authentication_type: string }>(
        t.url,
        "POST",
        connectionPath(sandbox.connection_id, "authentication-type"),
        { authentication_type: type },
      );
      expect(view.authentication_type).toBe(type);
      const introspection = await t.withToken(sandbox.access_token).account.introspect();
      expect(introspection.authentication_methods?.[0]?.type).toBe(type);
      expect(introspection.manual).toBe(type === "assisted");
    }
  });

  it("sets every status; /introspect reports it and data endpoints refuse while it lasts", async () => {
    for (const status of STATUSES) {
      const sandbox = await t.client.sandbox.connections.create({ provider_id: "gusto" });
      await control(t.url, "POST", connectionPath(sandbox.connection_id, "status"), { status });
      const finch = t.withToken(sandbox.access_token);
      const error = await rejection(finch.hris.company.retrieve());
      expect(error).toBeInstanceOf(Finch.APIError);
      if (status === "disconnected") {
        // Disconnecting revokes the tokens, so even /introspect refuses them.
        expect(finchBody(await rejection(finch.account.introspect()))).toMatchObject({
          name: "invalid_token_error",
        });
      } else {
        expect((await finch.account.introspect()).connection_status.status).toBe(status);
      }
    }
  });

  it("refuses an unknown authentication type or product with a 400", async () => {
    const sandbox = await t.client.sandbox.connections.create({ provider_id: "gusto" });
    await expect(
      control(t.url, "POST", connectionPath(sandbox.connection_id, "authentication-type"), {
        authentication_type: "carrier_pigeon",
      }),
    ).rejects.toThrow(/-> 400/);
    await expect(
      control(t.url, "POST", connectionPath(sandbox.connection_id, "failing-products"), {
        products: ["astrology"],
      }),
    ).rejects.toThrow(/-> 400/);
  });

  it("answers a wrong password with the provider's message, on the page and to the embedding app", async () => {
    const { connect_url } = await t.client.connect.sessions.new({
      customer_id: "wrong-password",
      customer_name: "Wrong Password Co",
      products: ["company"],
      integration: { provider: "gusto" },
    });
    const url = `${connect_url}&sdk_host_url=${encodeURIComponent(APP_ORIGIN)}`;
    for (const password of ["guess", "LETMEIN", "letmein "]) {
      const wrong = await signInThroughConnect(url, { username: "pat", password });
      expect(wrong.status).toBe(200);
      expect(wrong.html).toContain("Incorrect username or password for Gusto.");
      const posted = /window\.parent\.postMessage\((\{.*\}), ("[^"]*")\);/.exec(wrong.html);
      expect(JSON.parse(posted?.[1] ?? "{}")).toEqual({
        name: "finch-auth-message-v2",
        kind: "error",
        error: {
          shouldClose: false,
          message: "Incorrect username or password for Gusto. Check your Gusto password and try again.",
          type: "employer_connection_error",
        },
      });
      expect(JSON.parse(posted?.[2] ?? '""')).toBe(APP_ORIGIN);
    }
    const right = await signInThroughConnect(url, { username: "pat" });
    expect(right.html).toContain('"kind":"success"');
  });

  it("keeps one product failing with a permission error across a reconnect, the others working", async () => {
    const session = await t.client.connect.sessions.new({
      customer_id: "half-repair",
      customer_name: "Half Repair Co",
      products: ["company", "directory", "individual", "employment"],
      redirect_uri: REDIRECT_URI,
    });
    const first = await signInThroughConnect(session.connect_url, { username: "admin" });
    const token = await t.client.accessTokens.create({ code: first.code ?? "", redirect_uri: REDIRECT_URI });
    const view = await control<{ failing_products: string[] }>(
      t.url,
      "POST",
      connectionPath(token.connection_id, "failing-products"),
      { products: ["employment"] },
    );
    expect(view.failing_products).toEqual(["employment"]);
    await control(t.url, "POST", connectionPath(token.connection_id, "status"), { status: "reauth" });

    const reauth = await t.client.connect.sessions.reauthenticate({
      connection_id: token.connection_id,
      redirect_uri: REDIRECT_URI,
    });
    const again = await signInThroughConnect(reauth.connect_url, { username: "admin" });
    const repaired = await t.client.accessTokens.create({
      code: again.code ?? "",
      redirect_uri: REDIRECT_URI,
    });
    const finch = t.withToken(repaired.access_token);
    expect((await finch.account.introspect()).connection_status.status).toBe("connected");
    await expect(finch.hris.company.retrieve()).resolves.toMatchObject({ id: expect.any(String) });
    const [person] = (await finch.hris.directory.list()).individuals;
    const requests = [{ individual_id: person?.id ?? "" }];
    await expect(finch.hris.individuals.retrieveMany({ requests })).resolves.toBeTruthy();
    const error = await rejection(finch.hris.employments.retrieveMany({ requests }));
    expect(error).toBeInstanceOf(Finch.PermissionDeniedError);
    expect(finchBody(error)).toMatchObject({ finch_code: "insufficient_account_permissions" });

    await control(t.url, "POST", connectionPath(token.connection_id, "failing-products"), { products: [] });
    await expect(finch.hris.employments.retrieveMany({ requests })).resolves.toBeTruthy();
  });
});
