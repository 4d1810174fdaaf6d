import { expect, test, type Page } from "@playwright/test";
import { connectFrame, signInToProvider } from "./support/connect";
import { connectionsOf } from "./support/db";
import {
  APP_WEBHOOK_URL,
  entitiesOf,
  revokeOldTokensOnReauth,
  setEntityStatus,
  setWebhookUrls,
} from "./support/finch-stand-in";
import { uniqueEmail } from "./support/mailbox";
import { signUp } from "./support/sign-in";

const COMPANIES = ["Acme East", "Acme North", "Acme West"];

test.beforeEach(async () => {
  await revokeOldTokensOnReauth(false);
  await setWebhookUrls([APP_WEBHOOK_URL]);
});

/** Connect's entity step: every company is offered, checked; Continue keeps them all. */
async function keepEveryCompany(page: Page) {
  const frame = connectFrame(page);
  for (const name of ["Acme East", "Acme West", "Acme North"])
    await expect(frame.getByRole("checkbox", { name })).toBeChecked();
  await frame.getByRole("button", { name: "Continue" }).click();
}

test("three companies on one connection: one breaks, a partial reconnect is refused, a full one repairs, one is dropped", async ({
  page,
}) => {
  const email = uniqueEmail();
  await signUp(page, email, "Multi Co");

  // 1. Connect three entities.
  await page.getByRole("button", { name: "Connect payroll" }).click();
  await connectFrame(page).getByRole("button", { name: "Gusto" }).click();
  await signInToProvider(page, "multi-admin");
  await keepEveryCompany(page);
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  const card = page.getByRole("article", { name: "Gusto connection" });
  const companies = card.getByRole("list", { name: "Companies" }).getByRole("listitem");
  await expect(companies).toHaveCount(3);
  for (const name of COMPANIES) await expect(companies.filter({ hasText: name })).toContainText("Connected");

  // 2. Break one (Finch's per-entity account.updated).
  const [connection] = await connectionsOf(email);
  const entities = await entitiesOf(connection.finchConnectionId);
  await setEntityStatus(connection.finchConnectionId, entities["Acme East"] ?? "", "reauth");

  // 3. The banner names it and the scope.
  const banner = page.getByRole("alert").filter({ hasText: "needs you to reconnect" });
  await expect(banner).toContainText(
    "1 of 3 companies on your Gusto connection needs you to reconnect: Acme East",
    { timeout: 30_000 },
  );
  await expect(companies.filter({ hasText: "Acme East" })).toContainText("Needs reconnect");
  await expect(companies.filter({ hasText: "Acme West" })).toContainText("Connected");

  // 4. A reconnect by someone who cannot see every company fails, with the access advice.
  await banner.getByRole("button", { name: "Reconnect Gusto" }).click();
  await signInToProvider(page, "multi-partial-admin");
  const advice = banner.getByRole("region", { name: "Reconnecting needs access to every company" });
  await expect(advice).toContainText("cannot see every company on this connection");
  await expect(advice).toContainText("Acme East, Acme North and Acme West");
  await expect(banner.getByRole("form", { name: "Hand off to a colleague" })).toBeVisible();

  // 5. A full reconnect succeeds, with a receipt per product per company.
  await banner.getByRole("button", { name: "Reconnect Gusto" }).click();
  await signInToProvider(page, "multi-admin");
  await keepEveryCompany(page);
  const receipt = page.getByRole("status").filter({ hasText: "Reconnected" });
  await expect(receipt).toBeVisible();
  const items = receipt.getByRole("list", { name: "Repair receipt" }).getByRole("listitem");
  await expect(items.filter({ hasText: "Acme East: Company ✓" })).toHaveCount(1);
  await expect(items.filter({ hasText: "Acme West: Directory ✓" })).toHaveCount(1);
  await expect(banner).toHaveCount(0);

  // 6. One company is dropped: Stop tracking calls /disconnect-entity; it says so and can come back.
  await companies.filter({ hasText: "Acme North" }).getByRole("button", { name: "Stop tracking" }).click();
  const north = companies.filter({ hasText: "Acme North" });
  await expect(north).toContainText("Disconnected");
  await expect(north.getByRole("button", { name: "Reconnect to add it back" })).toBeVisible();
  expect((await connectionsOf(email))[0]?.status).toBe("healthy");
});
