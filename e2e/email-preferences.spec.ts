import { expect, test } from "@playwright/test";
import { connectPayroll } from "./support/connect";
import { connectionsOf, query } from "./support/db";
import { APP_WEBHOOK_URL, setConnectionStatus, setWebhookUrls } from "./support/finch-stand-in";
import { linkIn, uniqueEmail, waitForMessage } from "./support/mailbox";
import { signUp } from "./support/sign-in";

const NOTICE = /^Action needed: your Gusto connection needs to be reconnected$/;

const pathOf = (url: string) => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};

async function remindersOffSince(email: string): Promise<Date | null> {
  const [row] = await query<{ at: Date | null }>(
    `SELECT p."remindersUnsubscribedAt" AS at FROM "User" u LEFT JOIN "EmailPreference" p ON p."userId" = u.id WHERE u.email = $1`,
    [email],
  );
  return row.at;
}

test("a member who unsubscribed from reminders through the email link re-subscribes on their settings page", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await setWebhookUrls([APP_WEBHOOK_URL]);
  const owner = uniqueEmail("prefs");
  await signUp(page, owner, "Prefs Co");
  await connectPayroll(page);
  const [connection] = await connectionsOf(owner);
  await setConnectionStatus(connection.finchConnectionId, "reauth");
  const notice = await waitForMessage(owner, NOTICE);

  // The emailed link, unchanged: a page with a button, and only the button unsubscribes.
  await page.goto(pathOf(linkIn(notice, /^Unsubscribe from reminders$/)));
  await page.getByRole("button", { name: "Unsubscribe from reminders" }).click();
  await expect(page.getByRole("heading", { name: "You are unsubscribed from reminders" })).toBeVisible();
  expect(await remindersOffSince(owner)).not.toBeNull();

  await page.goto("/");
  await page.getByRole("link", { name: "Email settings" }).click();
  await expect(page.getByRole("heading", { name: "Email settings" })).toBeVisible();
  await expect(page.getByLabel("Connection broken")).toBeChecked();
  await expect(page.getByLabel("Reminders")).not.toBeChecked();
  await expect(page.getByLabel("Connection restored")).toBeChecked();

  await page.getByLabel("Reminders").check();
  await page.getByLabel("Connection restored").uncheck();
  await page.getByRole("button", { name: "Save email settings" }).click();
  await expect(page.getByText("Email settings saved.")).toBeVisible();
  expect(await remindersOffSince(owner)).toBeNull();
  const [row] = await query<{ restored: Date | null }>(
    `SELECT p."restoredUnsubscribedAt" AS restored FROM "EmailPreference" p JOIN "User" u ON u.id = p."userId" WHERE u.email = $1`,
    [owner],
  );
  expect(row.restored).not.toBeNull();

  await page.reload();
  await expect(page.getByLabel("Reminders")).toBeChecked();
  await expect(page.getByLabel("Connection restored")).not.toBeChecked();
});
