import { expect, test } from "@playwright/test";
import { connectPayroll, signInToProvider } from "./support/connect";
import { connectionsOf } from "./support/db";
import {
  APP_WEBHOOK_URL,
  revokeOldTokensOnReauth,
  setConnectionStatus,
  setFailingProducts,
  setWebhookUrls,
} from "./support/finch-stand-in";
import { uniqueEmail, waitForMessage } from "./support/mailbox";
import { signUp } from "./support/sign-in";

test.beforeEach(async () => {
  await revokeOldTokensOnReauth(true);
  await setWebhookUrls([APP_WEBHOOK_URL]);
});

test("after a reconnect each product is read once: the receipt, the card's warning and the email agree", async ({
  page,
}) => {
  const email = uniqueEmail();
  await signUp(page, email, "Receipt Co");
  await connectPayroll(page);
  const [connection] = await connectionsOf(email);
  // The payroll account lacks one permission, which a reconnect does not fix.
  await setFailingProducts(connection.finchConnectionId, ["employment"]);
  await setConnectionStatus(connection.finchConnectionId, "reauth");
  const banner = page.getByRole("alert").filter({ hasText: "needs you to reconnect" });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await waitForMessage(email, /^Action needed: your Gusto connection/);

  await banner.getByRole("button", { name: "Reconnect Gusto" }).click();
  await signInToProvider(page);
  const receipt = page.getByRole("status").filter({ hasText: "Reconnected" });
  await expect(receipt).toBeVisible();
  const items = receipt.getByRole("list", { name: "Repair receipt" }).getByRole("listitem");
  await expect(items).toHaveText([
    "Company ✓",
    "Directory ✓",
    "Individual ✓",
    "Employment ✗ (permission missing)",
  ]);
  await expect(banner).toHaveCount(0);
  const card = page.getByRole("article", { name: "Gusto connection" });
  await expect(card.getByTestId("still-failing")).toContainText("Employment ✗ (permission missing)");

  const confirmation = await waitForMessage(email, /^Reconnected: Gusto is working again$/);
  expect(confirmation.text).toContain(
    "Reconnected · Company ✓ · Directory ✓ · Individual ✓ · Employment ✗ (permission missing)",
  );
  await card.getByRole("link", { name: "View history" }).click();
  await expect(page.getByText("Repair receipt: each product read once")).toBeVisible();
});
