import { expect, test } from "@playwright/test";
import { connectionsOf } from "./support/db";
import {
  APP_WEBHOOK_URL,
  revokeOldTokensOnReauth,
  setConnectionStatus,
  setWebhookUrls,
} from "./support/finch-stand-in";
import { uniqueEmail } from "./support/mailbox";
import { CLASSIC_APP_URL, FINCH_URL } from "./support/ports";
import { signUp } from "./support/sign-in";

// The instance on :3001 shares the database and runs with FINCH_CONNECT_FLOW=classic.
const CLASSIC = CLASSIC_APP_URL;

test("the classic Connect URL connects, then reconnects with payroll_provider and no picker", async ({
  page,
}) => {
  await revokeOldTokensOnReauth(true);
  await setWebhookUrls([APP_WEBHOOK_URL]);
  const email = uniqueEmail("classic");
  await signUp(page, email, "Classic Co");
  await page.goto(CLASSIC);

  await page.getByRole("button", { name: "Connect payroll" }).click();
  await page.waitForURL((url) => url.origin === FINCH_URL && url.pathname === "/authorize");
  const connectUrl = new URL(page.url());
  expect(connectUrl.searchParams.get("client_id")).toBeTruthy();
  expect(connectUrl.searchParams.get("redirect_uri")).toBe(`${CLASSIC}/api/finch/callback`);
  await page.getByRole("button", { name: "Gusto" }).click();
  await page.getByLabel("Username").fill("classic-admin");
  await page.getByLabel("Password").fill("letmein");
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  expect(page.url()).toContain(CLASSIC);

  const [before] = await connectionsOf(email);
  await setWebhookUrls([]);
  await setConnectionStatus(before.finchConnectionId, "reauth");
  await page
    .getByRole("article", { name: "Gusto connection" })
    .getByRole("button", { name: "Sync now" })
    .click();
  const banner = page.getByRole("alert").filter({ hasText: "needs you to reconnect" });
  await banner.getByRole("button", { name: /^Reconnect/ }).click();

  await page.waitForURL((url) => url.origin === FINCH_URL && url.pathname === "/authorize");
  const reconnectUrl = new URL(page.url());
  expect(reconnectUrl.searchParams.get("payroll_provider")).toBe("gusto");
  expect(reconnectUrl.searchParams.get("connection_id")).toBe(before.finchConnectionId);
  await expect(page.getByRole("button", { name: "Gusto" })).toHaveCount(0);
  await page.getByLabel("Username").fill("classic-admin");
  await page.getByLabel("Password").fill("letmein");
  await page.getByRole("button", { name: "Connect" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Reconnected" })).toBeVisible();
  await expect(banner).toHaveCount(0);
  const [after] = await connectionsOf(email);
  expect(after.finchConnectionId).toBe(before.finchConnectionId);
  expect(after.accessTokenCiphertext).not.toBe(before.accessTokenCiphertext);
});
