// Every page, signed out, as a customer and as the operator: axe finds no serious, critical or moderate
// violation (WCAG 2.1 AA and best practices), and nothing scrolls sideways at 360 and 390 px wide.
import { expect, test, type Page } from "@playwright/test";
import { connectFrame, connectPayroll } from "./support/connect";
import { connectionsOf } from "./support/db";
import { APP_WEBHOOK_URL, setConnectionStatus, setWebhookUrls } from "./support/finch-stand-in";
import { linkIn, uniqueEmail, waitForMessage } from "./support/mailbox";
import { OPERATOR_EMAIL } from "./support/operator";
import { checkCurrentPage, checkPage, PHONE_WIDTHS } from "./support/page-checks";
import { seedBrokenOrg } from "./support/seed-fleet";
import { signIn } from "./support/sign-in";

const NOTICE = /^Action needed: your Gusto connection needs to be reconnected$/;
const pathOf = (url: string) => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};

test("the signed-out pages", async ({ page }) => {
  for (const path of [
    "/login",
    "/login/check-email",
    "/login/error?error=Verification",
    "/login?notice=link-expired",
    "/login/other-organization",
    "/email/unsubscribe?token=not-a-token",
    "/email/snooze?token=not-a-token",
    "/no-such-page",
  ])
    await checkPage(page, path);
});

/** On a phone the header's links sit behind a "Menu" button that the keyboard opens and closes. */
async function checkMenuByKeyboard(page: Page) {
  const menu = page.getByRole("button", { name: "Menu" });
  const team = page.getByRole("link", { name: "Team" });
  for (const width of PHONE_WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    await expect(team).toBeHidden();
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(team).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Connections", exact: true })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await expect(team).toBeHidden();
  }
  // Open by Space, axe with the menu open, then follow a link: the menu closes behind it.
  await page.keyboard.press(" ");
  await expect(team).toBeVisible();
  await checkCurrentPage(page, "the dashboard with its menu open");
  await page.setViewportSize({ width: 390, height: 844 });
  await team.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("the customer's pages, the Connect modal and the emailed-link pages", async ({ page }) => {
  test.setTimeout(240_000);
  await setWebhookUrls([APP_WEBHOOK_URL]);
  const owner = uniqueEmail("pages");
  await signIn(page, owner);
  await expect(page.getByLabel("Organization name")).toBeVisible();
  await checkCurrentPage(page, "onboarding");
  await page.getByLabel("Organization name").fill("Every Page Co");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name: "Payroll connections" })).toBeVisible();
  await checkCurrentPage(page, "the empty dashboard");
  await checkMenuByKeyboard(page);

  // Finch Connect open: its iframe has a title, and axe checks inside it too.
  await page.goto("/");
  await page.getByRole("button", { name: "Connect payroll" }).click();
  await expect(connectFrame(page).getByRole("button", { name: "Gusto" })).toBeVisible();
  await expect(page.locator("#finch-connect-iframe")).toHaveAttribute("title", /Finch Connect/);
  await checkCurrentPage(page, "the Connect modal");
  await page.goto("/");
  await connectPayroll(page);
  const [connection] = await connectionsOf(owner);
  for (const path of [
    "/",
    `/connections/${connection.id}`,
    "/team",
    "/settings/email",
    "/settings/notifications",
  ])
    await checkPage(page, path);

  // Broken: the banner, the repair advice and the emailed links' pages.
  await setConnectionStatus(connection.finchConnectionId, "reauth");
  const notice = await waitForMessage(owner, NOTICE);
  await page.goto("/");
  await expect(page.getByRole("alert").filter({ hasText: "needs you to reconnect" })).toBeVisible();
  await checkCurrentPage(page, "the dashboard with a broken connection");
  await checkPage(page, `/connections/${connection.id}`, "a broken connection's page");
  await checkPage(page, pathOf(linkIn(notice, /^Reconnect/)), "the emailed reconnect link");
  await checkPage(
    page,
    pathOf(linkIn(notice, /^Unsubscribe from reminders$/)),
    "the emailed unsubscribe link",
  );
});

test("the operator console, its tables scrolling inside their own region", async ({ page }) => {
  test.setTimeout(180_000);
  const broken = await seedBrokenOrg({
    organizationName: "Every Page Operator Check Ltd",
    providerId: "gusto",
    brokenDaysAgo: 3,
  });
  await signIn(page, OPERATOR_EMAIL);
  for (const path of [
    "/operator",
    "/operator/funnel",
    "/operator/machinery",
    "/operator/api-keys",
    `/operator/connections/${broken.connectionId}`,
  ])
    await checkPage(page, path);

  // On a phone the broken-connections table scrolls within its region, which the keyboard reaches.
  await page.goto("/operator");
  await page.setViewportSize({ width: 360, height: 844 });
  const region = page.getByRole("region", { name: "Broken connections, scrolls sideways" });
  const scrollLeft = () => region.evaluate((element) => element.scrollLeft);
  expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  await region.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(scrollLeft).toBeGreaterThan(0);
});
