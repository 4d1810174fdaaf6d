import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseForms, signInThroughConnect } from "./test-support/connect-browser";
import { startTestEmulator, type TestEmulator } from "./test-support/test-emulator";

const REDIRECT_URI = "http://localhost:3000/api/finch/callback";
const APP_ORIGIN = "http://localhost:3000";

/** The JSON handed to window.parent.postMessage on an embedded result page, and its target origin. */
function postedMessage(html: string): { message: Record<string, unknown>; target: string } {
  const match = /window\.parent\.postMessage\((\{.*\}), ("[^"]*")\);/.exec(html);
  if (!match?.[1] || !match[2]) throw new Error(`no postMessage on the page:\n${html}`);
  return { message: JSON.parse(match[1]) as Record<string, unknown>, target: JSON.parse(match[2]) as string };
}

describe("Connect pages at /authorize", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.close());

  const session = (
    extra: { integration?: { provider: string }; redirect_uri?: string } = { redirect_uri: REDIRECT_URI },
  ) =>
    t.client.connect.sessions.new({
      customer_id: "ui-cust",
      customer_name: "UI Customer",
      products: ["company", "directory"],
      ...extra,
    });

  it("shows a provider picker with one button per provider, then a labelled sign-in form", async () => {
    const { connect_url } = await session();
    const picker = await (await fetch(connect_url)).text();
    expect(picker).toContain("Select your payroll or HR provider");
    const buttons = parseForms(picker)
      .flatMap((f) => f.buttons)
      .map((b) => b.label);
    expect(buttons).toEqual(
      expect.arrayContaining([
        "Gusto",
        "ADP RUN",
        "Paychex Flex",
        "BambooHR",
        "Rippling",
        "Justworks",
        "Paylocity",
        "Workday",
        "Cancel",
      ]),
    );

    const signIn = await (await fetch(`${connect_url}&provider=justworks`)).text();
    expect(signIn).toContain("Sign in to Justworks");
    expect(signIn).toMatch(/<label for="username">Username<\/label><input id="username"/);
    expect(signIn).toMatch(/<label for="password">Password<\/label><input id="password"[^>]*type="password"/);
    expect(signIn).toContain("letmein");
    expect(
      parseForms(signIn)
        .flatMap((f) => f.buttons)
        .map((b) => b.label),
    ).toEqual(["Cancel", "Connect"]);
  });

  it("goes straight to the sign-in form when the session pre-selects a provider", async () => {
    const { connect_url } = await session({
      integration: { provider: "rippling" },
      redirect_uri: REDIRECT_URI,
    });
    const html = await (await fetch(connect_url)).text();
    expect(html).toContain("Sign in to Rippling");
    expect(html).not.toContain("Choose a different provider");
  });

  it("keeps the person on the form after a wrong password, then lets them retry", async () => {
    const { connect_url } = await session();
    const wrong = await signInThroughConnect(connect_url, { username: "pat", password: "guess" });
    expect(wrong.status).toBe(200);
    expect(wrong.html).toContain('role="alert"');
    expect(wrong.html).toContain("Incorrect username or password");
    expect(wrong.html).toContain('value="pat"');

    const right = await signInThroughConnect(connect_url, { username: "pat" });
    expect(right.status).toBe(302);
    expect(right.code).toBeTruthy();
  });

  it("sends a cancelled redirect flow back with error=access_denied and the state", async () => {
    const { connect_url } = await session();
    const result = await signInThroughConnect(`${connect_url}&state=xyz`, { username: "", action: "cancel" });
    expect(result.status).toBe(302);
    const back = new URL(result.location ?? "");
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("error_description")).toBeTruthy();
    expect(back.searchParams.get("state")).toBe("xyz");
    expect(back.searchParams.get("code")).toBeNull();
  });

  it("posts react-connect's finch-auth-message-v2 messages to sdk_host_url in embedded mode", async () => {
    const { session_id } = await session({});
    const embedded = `${t.url}/authorize?session=${session_id}&state=st-1&app_type=spa&sdk_host_url=${encodeURIComponent(APP_ORIGIN)}&mode=employer`;

    const closed = await signInThroughConnect(embedded, { username: "", action: "cancel" });
    expect(postedMessage(closed.html)).toEqual({
      message: { name: "finch-auth-message-v2", kind: "closed" },
      target: APP_ORIGIN,
    });

    const success = await signInThroughConnect(embedded, { username: "embedded-admin" });
    expect(success.status).toBe(200);
    const { message, target } = postedMessage(success.html);
    expect(target).toBe(APP_ORIGIN);
    expect(message).toMatchObject({ name: "finch-auth-message-v2", kind: "success", state: "st-1" });
    const token = await t.client.accessTokens.create({ code: String(message.code) });
    expect(token.customer_id).toBe("ui-cust");

    // The session is spent now; opening it again is an error the SDK surfaces through onError.
    const reused = await (await fetch(embedded)).text();
    expect(postedMessage(reused).message).toMatchObject({
      name: "finch-auth-message-v2",
      kind: "error",
      error: { shouldClose: true, type: "validation_error" },
    });
  });

  it("reports an unknown session as an error page, or as kind:'error' when embedded", async () => {
    const page = await fetch(`${t.url}/authorize?session=does-not-exist`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("invalid or has expired");

    const embedded = await (
      await fetch(`${t.url}/authorize?session=nope&sdk_host_url=${encodeURIComponent(APP_ORIGIN)}`)
    ).text();
    expect(postedMessage(embedded)).toMatchObject({
      message: { kind: "error", error: { shouldClose: true } },
      target: APP_ORIGIN,
    });
  });

  it("supports the legacy client_id URL, including payroll_provider and connection_id for reauth", async () => {
    const legacy = new URLSearchParams({
      client_id: "test-client-id",
      products: "company directory",
      redirect_uri: REDIRECT_URI,
      state: "legacy-state",
      payroll_provider: "bamboo_hr",
    });
    const html = await (await fetch(`${t.url}/authorize?${legacy}`)).text();
    expect(html).toContain("Sign in to BambooHR");
    const result = await signInThroughConnect(`${t.url}/authorize?${legacy}`, { username: "legacy-admin" });
    expect(result.state).toBe("legacy-state");
    const token = await t.client.accessTokens.create({ code: result.code ?? "", redirect_uri: REDIRECT_URI });
    expect(token).toMatchObject({ provider_id: "bamboo_hr", products: ["company", "directory"] });

    const broken = t.withToken(token.access_token);
    await broken.sandbox.connections.accounts.update({ connection_status: "reauth" });
    legacy.delete("payroll_provider");
    legacy.set("connection_id", token.connection_id);
    const reauth = await signInThroughConnect(`${t.url}/authorize?${legacy}`, { username: "legacy-admin" });
    const repaired = await t.client.accessTokens.create({ code: reauth.code ?? "" });
    expect(repaired.connection_id).toBe(token.connection_id);
    expect((await broken.account.introspect()).connection_status.status).toBe("connected");

    const badClient = await fetch(
      `${t.url}/authorize?client_id=someone-else&products=company&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`,
    );
    expect(badClient.status).toBe(400);
  });

  it("shows the code on the page when a redirect-flow session has no redirect_uri", async () => {
    const { connect_url } = await session({ integration: { provider: "gusto" } });
    const result = await signInThroughConnect(connect_url, { username: "by-hand" });
    expect(result.status).toBe(200);
    const code = /Authorization code: <code>([^<]+)<\/code>/.exec(result.html)?.[1];
    expect((await t.client.accessTokens.create({ code: code ?? "" })).access_token).toBeTruthy();
  });
});
