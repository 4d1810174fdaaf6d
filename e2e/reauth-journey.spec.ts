import { expect, test } from "@playwright/test";
import { connectFrame, connectPayroll, signInToProvider } from "./support/connect";
import { connectionsOf, individualIds } from "./support/db";
import {
  APP_WEBHOOK_URL,
  revokeOldTokensOnReauth,
  setConnectionStatus,
  setWebhookUrls,
} from "./support/finch-stand-in";
import { uniqueEmail } from "./support/mailbox";
import { signUp } from "./support/sign-in";

test.beforeEach(async () => {
  // The app must switch to the new token: the stand-in revokes old ones on each reauthentication.
  await revokeOldTokensOnReauth(true);
  await setWebhookUrls([APP_WEBHOOK_URL]);
});

test("connect payroll, break it, see the banner from an API call, reconnect on the same provider", async ({
  page,
}) => {
  const email = uniqueEmail();
  await signUp(page, email, "Journey Co");
  await connectPayroll(page);
  const card = page.getByRole("article", { name: "Gusto connection" });
  await expect(card.getByTestId("employee-count")).not.toHaveText("—");
  const [before] = await connectionsOf(email);
  expect(before.status).toBe("healthy");
  const idsBefore = await individualIds(before.id);
  expect(idsBefore.length).toBeGreaterThan(0);

  // Break it silently (no webhook), so only the app's own Finch call can notice.
  await setWebhookUrls([]);
  await setConnectionStatus(before.finchConnectionId, "reauth");
  await card.getByRole("button", { name: "Sync now" }).click();
  const banner = page.getByRole("alert").filter({ hasText: "needs you to reconnect" });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("Gusto");
  await expect(banner).toContainText("employee directory sync");
  await expect(card.getByText(/^as of /)).toBeVisible();
  await page.goto("/team");
  await expect(banner).toBeVisible(); // on every dashboard page

  await banner.getByRole("button", { name: /^Reconnect/ }).click();
  // A reauthentication session: straight to the provider's sign-in, no picker.
  await expect(connectFrame(page).getByLabel("Username")).toBeVisible();
  await expect(connectFrame(page).getByRole("button", { name: "Gusto" })).toHaveCount(0);
  await signInToProvider(page);

  await expect(page.getByRole("status").filter({ hasText: "Reconnected" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "needs you to reconnect" })).toHaveCount(0);
  const [after] = await connectionsOf(email);
  expect(after.finchConnectionId).toBe(before.finchConnectionId);
  expect(after.status).toBe("healthy");
  expect(after.accessTokenCiphertext).not.toBe(before.accessTokenCiphertext);
  expect(await individualIds(after.id)).toEqual(idsBefore);

  // The new token works (the old one was revoked by the stand-in): data loads.
  await page
    .getByRole("article", { name: "Gusto connection" })
    .getByRole("button", { name: "Sync now" })
    .click();
  await expect(page.getByRole("article", { name: "Gusto connection" }).getByText(/^updated /)).toBeVisible();
});

test("Finch's signed webhook shows the banner without any action in the app, and recovery clears it", async ({
  page,
}) => {
  const email = uniqueEmail();
  await signUp(page, email, "Webhook Co");
  await connectPayroll(page);
  const [connection] = await connectionsOf(email);
  await setConnectionStatus(connection.finchConnectionId, "reauth");
  const banner = page.getByRole("alert").filter({ hasText: "needs you to reconnect" });
  // No click, no reload: the webhook flips the status and the banner's polling picks it up.
  await expect(banner).toBeVisible({ timeout: 30_000 });
  expect((await connectionsOf(email))[0].status).toBe("needs_reauth");

  await setConnectionStatus(connection.finchConnectionId, "connected");
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  await page.getByRole("link", { name: "View history" }).click();
  await expect(page.getByText("reported by Finch's webhook").first()).toBeVisible();
  await expect(page.getByText("Working again")).toBeVisible();
});

test("a missed webhook is caught by the status check (sweep)", async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email, "Sweep Co");
  await connectPayroll(page);
  const [connection] = await connectionsOf(email);
  await setWebhookUrls([]);
  await setConnectionStatus(connection.finchConnectionId, "reauth");
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "needs you to reconnect" })).toHaveCount(0);

  await page.getByRole("button", { name: "Check status now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "needs you to reconnect" })).toBeVisible();
  expect((await connectionsOf(email))[0].status).toBe("needs_reauth");
  await page.getByRole("link", { name: "View history" }).click();
  await expect(page.getByText("found by the scheduled check")).toBeVisible();
});

test("reconnecting into another company keeps the old token and says so", async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email, "Mismatch Co");
  await connectPayroll(page);
  const [before] = await connectionsOf(email);
  await setConnectionStatus(before.finchConnectionId, "reauth");
  const banner = page.getByRole("alert").filter({ hasText: "needs you to reconnect" });
  await expect(banner).toBeVisible({ timeout: 30_000 });

  await banner.getByRole("button", { name: /^Reconnect/ }).click();
  await signInToProvider(page, "other-admin");
  await expect(
    page.getByRole("alert").filter({ hasText: "You signed in to a different company" }),
  ).toBeVisible();
  const [after] = await connectionsOf(email);
  expect(after.accessTokenCiphertext).toBe(before.accessTokenCiphertext);
  expect(after.status).toBe("needs_reauth");
  await expect(banner).toBeVisible();
});

test("a forged or replayed state is refused", async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email, "State Co");
  await page.goto("/api/finch/callback?code=made-up&state=forged-state");
  await expect(page.getByRole("alert").filter({ hasText: "We could not verify this request" })).toBeVisible();

  // Capture a real callback URL, then replay it.
  const callback = page.waitForRequest((request) => request.url().includes("/api/finch/callback?"));
  await connectPayroll(page);
  const replay = (await callback).url();
  await page.goto(replay);
  await expect(page.getByRole("alert").filter({ hasText: "This link was already used" })).toBeVisible();
  expect(await connectionsOf(email)).toHaveLength(1);
});

test("closing Finch Connect changes nothing and says so", async ({ page }) => {
  await signUp(page, uniqueEmail(), "Cancel Co");
  await page.getByRole("button", { name: "Connect payroll" }).click();
  await connectFrame(page).getByRole("button", { name: "Cancel" }).click();
  await expect(
    page.getByText("Finch Connect was closed before finishing. Nothing was changed."),
  ).toBeVisible();
  await expect(page.getByText("No payroll connections yet")).toBeVisible();
});
