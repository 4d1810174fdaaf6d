import { expect, test, type Locator, type Page } from "@playwright/test";
import { connectFrame, signInToProvider, connectPayroll } from "./support/connect";
import { connectionsOf } from "./support/db";
import {
  APP_WEBHOOK_URL,
  setAuthenticationType,
  setConnectionStatus,
  setWebhookUrls,
} from "./support/finch-stand-in";
import { linkIn, uniqueEmail, waitForMessage } from "./support/mailbox";
import { signUp } from "./support/sign-in";

test.beforeEach(async () => {
  await setWebhookUrls([APP_WEBHOOK_URL]);
});

/** Finch reports the case by webhook; the page shows it after the next load. */
async function reportCase(page: Page, finchConnectionId: string, status: string, authenticationType: string) {
  await setAuthenticationType(finchConnectionId, authenticationType);
  await setConnectionStatus(finchConnectionId, status);
}

async function expectOnReload(page: Page, locator: Locator, text: string | RegExp) {
  await expect(async () => {
    await page.reload();
    await expect(locator).toContainText(text, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

const alarm = (page: Page) => page.getByRole("alert").filter({ hasText: /Your Gusto connection/ });

test("each cause and authentication type gets its own words and its one action", async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email, "Causes Co");
  await connectPayroll(page);
  const [connection] = await connectionsOf(email);
  const id = connection.finchConnectionId;

  // api_token: new token steps, then Reconnect; the email carries the same steps.
  await reportCase(page, id, "reauth", "api_token");
  await expectOnReload(page, alarm(page), "needs you to reconnect");
  await expect(alarm(page)).toContainText("The API token Finch uses to read Gusto stopped working");
  await expect(alarm(page).getByRole("list", { name: "What to do" })).toContainText(
    "Create a new API token for Finch",
  );
  await expect(alarm(page).getByRole("button", { name: "Reconnect Gusto" })).toBeVisible();
  const notice = await waitForMessage(email, /^Action needed: your Gusto connection/);
  expect(notice.text).toContain("Create a new API token for Finch and copy it.");
  const link = new URL(linkIn(notice, /^Reconnect Gusto$/));
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByRole("list", { name: "What to do" })).toContainText("Create a new API token");
  await expect(page.getByRole("button", { name: "Reconnect Gusto" })).toBeVisible();
  await page.goto("/");

  // oauth: approve again through Connect.
  await reportCase(page, id, "connected", "oauth");
  await expect(async () => {
    await page.reload();
    await expect(alarm(page)).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await reportCase(page, id, "reauth", "oauth");
  await expectOnReload(page, alarm(page), "approve Finch's access in Gusto again");
  await expect(alarm(page).getByRole("button", { name: "Reconnect Gusto" })).toBeVisible();

  // error_permissions: grant admin permission, with Gusto's help link.
  await reportCase(page, id, "error_permissions", "credential");
  await expectOnReload(page, alarm(page), "missing a permission");
  const grant = alarm(page).getByRole("link", { name: "How to grant Finch admin permission in Gusto" });
  await expect(grant).toHaveAttribute("href", "https://support.gusto.com");
  await expect(alarm(page).getByRole("button", { name: /^Reconnect/ })).toHaveCount(0);
  await expect(page.getByRole("article", { name: "Gusto connection" })).toContainText("permission");

  // error_no_account_setup: add Finch as an admin.
  await reportCase(page, id, "error_no_account_setup", "assisted");
  await expectOnReload(page, alarm(page), "waiting for admin access");
  await expect(alarm(page)).toContainText("Add Finch as a third-party administrator");
  await expect(
    alarm(page).getByRole("link", { name: "How to add Finch as an admin in Gusto" }),
  ).toBeVisible();

  // pending and processing (assisted): a status line, not an alarm.
  await reportCase(page, id, "pending", "assisted");
  const settingUp = page.getByRole("status").filter({ hasText: "Your Gusto connection is being set up" });
  await expectOnReload(page, settingUp, "Nothing to do now");
  await expect(alarm(page)).toHaveCount(0);
  await reportCase(page, id, "processing", "assisted");
  await expectOnReload(page, settingUp, "importing your Gusto data");
  await expect(alarm(page)).toHaveCount(0);
});

test("a disconnected connection offers Connect again, which adds a new one and keeps the old history", async ({
  page,
}) => {
  const email = uniqueEmail();
  await signUp(page, email, "Disconnected Co");
  await connectPayroll(page);
  const [old] = await connectionsOf(email);
  await setConnectionStatus(old.finchConnectionId, "disconnected");
  await expectOnReload(page, alarm(page), "was disconnected");
  await expect(alarm(page)).toContainText("the old one's history stays visible");

  await alarm(page).getByRole("button", { name: "Connect again" }).click();
  await connectFrame(page).getByRole("button", { name: "Gusto" }).click();
  await signInToProvider(page);
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Gusto connection" })).toHaveCount(2);
  await expect(alarm(page)).toHaveCount(0);
  const replaced = page.getByRole("article", { name: "Gusto connection" }).filter({ hasText: "Replaced by" });
  await replaced.getByRole("link", { name: "View history" }).click();
  await expect(page).toHaveURL(new RegExp(`/connections/${old.id}$`));
  await expect(page.getByText("Disconnected").first()).toBeVisible();
  const connections = await connectionsOf(email);
  expect(connections.map((c) => c.status).sort()).toEqual(["disconnected", "healthy"]);
});
