import { expect, test, type Page } from "@playwright/test";
import { connectFrame, connectPayroll, signInToProvider } from "./support/connect";
import { connectionsOf } from "./support/db";
import { APP_WEBHOOK_URL, setConnectionStatus, setWebhookUrls } from "./support/finch-stand-in";
import { linkIn, uniqueEmail, waitForMessage } from "./support/mailbox";
import { signIn, signUp } from "./support/sign-in";

test.beforeEach(async () => {
  await setWebhookUrls([APP_WEBHOOK_URL]);
});

const banner = (page: Page) => page.getByRole("alert").filter({ hasText: "needs you to reconnect" });
const pathOf = (url: string) => `${new URL(url).pathname}${new URL(url).search}`;

async function wrongPassword(page: Page) {
  const frame = connectFrame(page);
  await frame.getByLabel("Username").fill("payroll-admin");
  await frame.getByLabel("Password").fill("not-the-password");
  await frame.getByRole("button", { name: "Connect" }).click();
  await expect(frame.getByRole("alert")).toContainText("Incorrect username or password for Gusto");
}

async function expectHelp(page: Page) {
  const help = page.getByRole("region", { name: "Help before another try" });
  await expect(help).toBeVisible();
  await expect(help.getByRole("link", { name: "Reset your Gusto password" })).toHaveAttribute(
    "href",
    "https://app.gusto.com/login",
  );
  await expect(help.getByRole("button", { name: "Ask a colleague to reconnect" })).toBeVisible();
  await expect(help).toContainText("Still stuck? Write to connections@example.com");
}

test("after two wrong passwords the banner and the emailed page offer help before a third try", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail();
  await signUp(page, email, "Guard Co");
  await connectPayroll(page);
  const [connection] = await connectionsOf(email);
  await setConnectionStatus(connection.finchConnectionId, "reauth");
  await expect(banner(page)).toBeVisible({ timeout: 30_000 });
  const notice = await waitForMessage(email, /^Action needed: your Gusto connection/);

  await banner(page).getByRole("button", { name: "Reconnect Gusto" }).click();
  await wrongPassword(page);
  await expect(page.getByRole("region", { name: "Help before another try" })).toHaveCount(0);
  await wrongPassword(page);
  await expectHelp(page);
  // Closing Connect after those errors is the same attempt, not a third one.
  await connectFrame(page).getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator("#finch-connect-iframe")).toHaveCount(0);
  await expect(banner(page).getByRole("region", { name: "Help before another try" })).toContainText(
    "2 attempts did not work",
  );

  // The emailed link's page offers the same help.
  await page.goto(pathOf(linkIn(notice, /^Reconnect Gusto$/)));
  await expectHelp(page);
  await page.getByRole("button", { name: "Ask a colleague to reconnect" }).click();
  await expect(page.getByLabel("Colleague's email")).toBeVisible();

  // The count and the help shown are on the timeline.
  await page.goto(`/connections/${connection.id}`);
  const history = page.getByRole("list", { name: "Connection history" });
  await expect(history).toContainText(
    "Attempt 1 ended with an error: Incorrect username or password for Gusto",
  );
  await expect(history).toContainText("Attempt 2 ended with an error");
  await expect(history.getByText("Help offered before another try")).toHaveCount(1);
  await expect(history).not.toContainText("Attempt 3");

  // The right password still works.
  await page.goto("/");
  await banner(page).getByRole("button", { name: "Reconnect Gusto" }).click();
  await signInToProvider(page);
  await expect(page.getByRole("status").filter({ hasText: "Reconnected" })).toBeVisible();
});

test("a member hands the repair to a colleague, who joins, reconnects, and everyone told hears", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const owner = uniqueEmail("owner");
  const colleague = uniqueEmail("payroll-admin");
  await signUp(page, owner, "Hand-off Co");
  await connectPayroll(page);
  const [connection] = await connectionsOf(owner);
  await setConnectionStatus(connection.finchConnectionId, "reauth");
  await expect(banner(page)).toBeVisible({ timeout: 30_000 });
  await waitForMessage(owner, /^Action needed: your Gusto connection/);

  await banner(page).getByRole("button", { name: "Not the right person?" }).click();
  await banner(page).getByLabel("Colleague's email").fill(colleague);
  await banner(page).getByRole("button", { name: "Send to colleague" }).click();
  await expect(banner(page).getByText(`Sent to ${colleague}.`)).toBeVisible();

  const invitation = await waitForMessage(colleague, /asked you to reconnect Gusto$/);
  const link = pathOf(linkIn(invitation, /^Reconnect Gusto$/));
  const other = await browser.newPage();
  await signIn(other, colleague, link);
  await expect(other.getByRole("heading", { name: "Join Hand-off Co to reconnect Gusto" })).toBeVisible();
  await other.getByRole("button", { name: "Join Hand-off Co" }).click();
  await expect(other.getByRole("heading", { name: "Payroll connections" })).toBeVisible();
  await banner(other).getByRole("button", { name: "Reconnect Gusto" }).click();
  await signInToProvider(other);
  await expect(other.getByRole("status").filter({ hasText: "Reconnected" })).toBeVisible();
  await other.close();

  const confirmation = await waitForMessage(owner, /^Reconnected: Gusto is working again$/);
  expect(confirmation.text).toContain(`reconnected by ${colleague}`);
  await page.goto(`/connections/${connection.id}`);
  await expect(page.getByRole("list", { name: "Connection history" })).toContainText(
    `${owner} asked ${colleague} to reconnect (invited to join)`,
  );
});
