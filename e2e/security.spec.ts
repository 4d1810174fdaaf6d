// The hardening of issue 10, probed against the running product the way the probe found the holes.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { connectPayroll, signInToProvider, connectFrame } from "./support/connect";
import { connectionsOf } from "./support/db";
import {
  clearFaults,
  FINCH_URL,
  injectFault,
  revokeOldTokensOnReauth,
  setConnectionStatus,
  setWebhookUrls,
} from "./support/finch-stand-in";
import { listMessages, uniqueEmail } from "./support/mailbox";
import { OPERATOR_EMAIL } from "./support/operator";
import { APP_URL } from "./support/ports";
import { signIn, signUp } from "./support/sign-in";

async function requestSignInLink(request: APIRequestContext, email: string, callbackUrl = "/") {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/signin/email", {
    form: { email, csrfToken, callbackUrl, json: "true" },
  });
}

test("every page sends the security headers, and the Connect modal works under the policy", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const email = uniqueEmail("csp");
  await signUp(page, email, "Policy Co");
  const response = await page.request.get("/");
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain(`frame-src ${new URL(FINCH_URL).origin}`);
  expect(policy).toMatch(new RegExp(`connect-src [^;]*${new URL(APP_URL).origin}`));
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect((await page.request.get("/reconnect/anything")).headers()["referrer-policy"]).toBe("no-referrer");
  expect((await page.request.get("/email/unsubscribe")).headers()["referrer-policy"]).toBe("no-referrer");
  // The dashboard's poll skips the proxy and sends its own (JSON) headers; its sub-paths do not skip it.
  const poll = (await page.request.get("/api/connections")).headers();
  expect(poll["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(poll["x-content-type-options"]).toBe("nosniff");
  expect(poll["x-frame-options"]).toBe("DENY");
  const sweep = await page.request.post("/api/connections/sweep", { headers: { origin: APP_URL }, data: {} });
  expect(sweep.headers()["content-security-policy"]).toContain(`frame-src ${new URL(FINCH_URL).origin}`);

  await page.goto("/");
  await connectPayroll(page);
  expect(violations).toEqual([]);
});

test("redirect parameters never leave the site, and odd ones answer without a 500", async ({ page }) => {
  await signUp(page, uniqueEmail("redirect"), "Redirect Co");
  for (const callbackUrl of [
    "/%09/evil.example",
    "/%5Cevil.example",
    "//evil.example",
    "/%0A/x",
    "/%E3%80%82x",
    // Dot segments that leave `//host` behind once resolved (issue 25).
    "/.//127.0.0.1:4690/x",
    "/..//evil.example",
    "/x/..//evil.example",
    "/a/b/../..//evil.example",
    "/%2E//evil.example",
    "/%2e%2e//evil.example",
    "/.%2F/evil.example",
    "/;/..//evil.example",
    "/.///evil.example",
    "/%2E%2E%2F%2Fevil.example",
  ]) {
    const response = await page.request.get(`/login?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
    expect(response.status(), callbackUrl).toBe(307);
    expect(response.headers().location, callbackUrl).toBe("/");
  }
  const signin = await page.request.get("/api/auth/signin?callbackUrl=%2F%2Fevil.example", {
    maxRedirects: 0,
  });
  expect(signin.status()).toBeLessThan(500);
  expect(signin.headers().location ?? "").not.toContain("evil.example");
});

test("sign-in links: a bare address only, five per address, then the same answer and no email", async ({
  request,
}) => {
  const email = uniqueEmail("limit");
  const answers = [];
  for (let i = 0; i < 7; i++) {
    const response = await requestSignInLink(request, email, "//evil.example");
    answers.push({ status: response.status(), body: (await response.json()) as { url: string } });
  }
  expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
  expect(answers[0].status).toBe(200);
  await expect.poll(async () => (await listMessages(email)).length, { timeout: 10_000 }).toBe(5);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(await listMessages(email)).toHaveLength(5);

  const mallory = uniqueEmail("mallory");
  for (const forged of [
    `"a-owner@example.com" <${mallory}>`,
    `${mallory}\u0000`,
    `${"a".repeat(5000)}@example.com`,
  ]) {
    const response = await requestSignInLink(request, forged);
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/one email address/);
  }
  expect(await listMessages(mallory)).toHaveLength(0);
});

test("cross-site writes are refused, server actions included", async ({ page }) => {
  await signUp(page, uniqueEmail("csrf"), "Cross Site Co");
  const foreign = await page.request.post("/api/connections/sweep", {
    headers: { origin: "http://evil.example", "content-type": "text/plain" },
    data: "{}",
  });
  expect(foreign.status()).toBe(403);
  const sameSite = await page.request.post("/api/connections/sweep", {
    headers: { "sec-fetch-site": "cross-site" },
  });
  expect(sameSite.status()).toBe(403);
  // The poll's path skips the proxy and takes no writes at all ("Connect payroll" is a server action).
  const foreignConnect = await page.request.post("/api/connections", {
    headers: { origin: "http://evil.example", "content-type": "text/plain" },
    data: "{}",
  });
  expect(foreignConnect.status()).toBe(405);
  const own = await page.request.post("/api/connections/sweep", { headers: { origin: APP_URL }, data: {} });
  expect(own.status()).toBe(200);
  const serverAction = await page.request.post("/team", {
    headers: {
      origin: "http://evil.example",
      "next-action": "0123456789abcdef",
      "content-type": "text/plain",
    },
    data: "[]",
  });
  expect(serverAction.status()).toBe(403);
});

test("NUL bytes in the operator console's filters and ids answer without a 500", async ({ page }) => {
  await signIn(page, OPERATOR_EMAIL);
  for (const query of ["q=%00", "provider=%00", "q=a%00b&provider=gusto", "provider=%ED%A0%80"]) {
    const response = await page.request.get(`/operator?${query}`);
    expect(response.status(), query).toBe(200);
  }
  const csv = await page.request.get("/api/operator/broken-connections/export?q=%00");
  expect(csv.status()).toBe(400);
  expect(await csv.json()).toEqual({ error: "These filters are not valid.", code: "bad_request" });
  expect((await page.request.get("/api/operator/broken-connections/export?q=acme")).status()).toBe(200);
  expect((await page.request.get("/operator/connections/%00")).status()).toBe(404);
});

test("a reconnect whose /introspect fails after the exchange keeps Finch's new token", async ({ page }) => {
  await revokeOldTokensOnReauth(true);
  await setWebhookUrls([]);
  const email = uniqueEmail("lifecycle");
  await signUp(page, email, "Lifecycle Co");
  await connectPayroll(page);
  const [before] = await connectionsOf(email);
  await setConnectionStatus(before.finchConnectionId, "reauth");
  const card = page.getByRole("article", { name: "Gusto connection" });
  await card.getByRole("button", { name: "Sync now" }).click();
  const banner = page.getByRole("alert").filter({ hasText: "needs you to reconnect" });
  await banner.getByRole("button", { name: /^Reconnect/ }).click();
  await expect(connectFrame(page).getByLabel("Username")).toBeVisible();
  // Finch revokes the old token when it issues the new one, and /introspect fails right after.
  await injectFault("/introspect", 503, 20);
  try {
    await signInToProvider(page);
    await expect(page.getByRole("status").filter({ hasText: "Reconnected" })).toBeVisible();
  } finally {
    await clearFaults();
  }
  const [after] = await connectionsOf(email);
  expect(after.status).toBe("healthy");
  expect(after.accessTokenCiphertext).not.toBe(before.accessTokenCiphertext);
  // The stored token is the live one: Sync works.
  await card.getByRole("button", { name: "Sync now" }).click();
  await expect(card.getByText(/^updated /)).toBeVisible();
});
