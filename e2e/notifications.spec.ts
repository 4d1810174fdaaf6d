import { expect, test, type Browser, type Page } from "@playwright/test";
import { connectFrame, connectPayroll, signInToProvider } from "./support/connect";
import { connectionsOf, query } from "./support/db";
import { APP_URL } from "./support/ports";
import {
  APP_WEBHOOK_URL,
  revokeOldTokensOnReauth,
  setConnectionStatus,
  setWebhookUrls,
} from "./support/finch-stand-in";
import { linkIn, listMessages, uniqueEmail, waitForMessage } from "./support/mailbox";
import { signIn, signUp } from "./support/sign-in";

const NOTICE = /^Action needed: your Gusto connection needs to be reconnected$/;

test.beforeEach(async () => {
  await revokeOldTokensOnReauth(true);
  await setWebhookUrls([APP_WEBHOOK_URL]);
});

async function inviteColleague(page: Page, browser: Browser, colleague: string, organization: string) {
  await page.getByRole("link", { name: "Team" }).click();
  await page.getByLabel("Colleague's email").fill(colleague);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${colleague}.`)).toBeVisible();
  const other = await browser.newPage();
  await signIn(other, colleague);
  await other.getByRole("button", { name: `Join ${organization}` }).click();
  await expect(other.getByRole("heading", { name: "Payroll connections" })).toBeVisible();
  await other.close();
}

/** The emailed links point at the instance that sent them; the test follows them on this one. */
const pathOf = (url: string) => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};

async function subjectsTo(email: string): Promise<string[]> {
  return (await listMessages(email)).map((message) => message.subject);
}

test("a broken connection emails each member once, and the emailed link brings them back through Connect", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const owner = uniqueEmail("owner");
  const colleague = uniqueEmail("colleague");
  await signUp(page, owner, "Notify Co");
  await inviteColleague(page, browser, colleague, "Notify Co");
  await page.goto("/");
  await connectPayroll(page);
  const [connection] = await connectionsOf(owner);

  // Break it: the stand-in's webhook, the app's own Finch call and an on-demand sweep all notice at once.
  await Promise.all([
    setConnectionStatus(connection.finchConnectionId, "reauth"),
    page.getByRole("button", { name: "Sync now" }).click(),
    page.request.post("/api/connections/sweep", { data: {} }),
  ]);
  await expect(page.getByRole("alert").filter({ hasText: "needs you to reconnect" })).toBeVisible({
    timeout: 30_000,
  });

  const notice = await waitForMessage(owner, NOTICE);
  await waitForMessage(colleague, NOTICE);
  await page.waitForTimeout(4_000); // room for a duplicate to arrive, if there were one
  for (const member of [owner, colleague])
    expect((await subjectsTo(member)).filter((subject) => NOTICE.test(subject))).toHaveLength(1);
  const outbox = await query<{ kind: string; to: string }>(
    `SELECT kind, "to" FROM "EmailOutbox" WHERE "connectionId" = $1 ORDER BY "to"`,
    [connection.id],
  );
  expect(outbox).toEqual([owner, colleague].sort().map((to) => ({ kind: "connection_broken", to })));
  expect(notice.text).toContain("Paused until you reconnect");

  const link = pathOf(linkIn(notice, /^Reconnect/));
  expect(link).toMatch(/^\/reconnect\/[\w.-]+$/);

  // A mail scanner fetching the link changes nothing.
  const scanned = await fetch(`${APP_URL}${link}`, { redirect: "manual" });
  expect(scanned.status).toBeLessThan(400);
  expect(
    await query(`SELECT 1 FROM "ConnectAttempt" WHERE "connectionId" = $1 AND purpose = 'reconnect'`, [
      connection.id,
    ]),
  ).toHaveLength(0);

  // The customer, signed out (another browser), follows the link: sign in first, then back on the link page.
  const context = await browser.newContext();
  const customer = await context.newPage();
  await customer.goto(link);
  await expect(customer).toHaveURL(/\/login\?callbackUrl=/);
  await signIn(customer, owner, link);
  await expect(customer).toHaveURL(new RegExp(`${link.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await expect(customer.getByRole("heading", { name: "Your Gusto connection needs you" })).toBeVisible();
  await expect(customer.getByText("Paused until you reconnect:")).toBeVisible();

  await customer.getByRole("button", { name: /^Reconnect/ }).click();
  await expect(connectFrame(customer).getByLabel("Username")).toBeVisible();
  await expect(connectFrame(customer).getByRole("button", { name: "Gusto" })).toHaveCount(0);
  await signInToProvider(customer);

  await expect(customer.getByRole("heading", { name: "Payroll connections" })).toBeVisible();
  await expect(customer.getByRole("status").filter({ hasText: "Reconnected" })).toBeVisible();
  await expect(customer.getByRole("alert").filter({ hasText: "needs you to reconnect" })).toHaveCount(0);
  const [after] = await connectionsOf(owner);
  expect(after).toMatchObject({
    id: connection.id,
    finchConnectionId: connection.finchConnectionId,
    status: "healthy",
  });
  for (const member of [owner, colleague])
    await waitForMessage(member, /^Reconnected: Gusto is working again$/);

  // The history tells the story, in order.
  await customer.goto(`/connections/${connection.id}`);
  const history = customer.getByRole("list", { name: "Connection history" });
  await expect(history.getByText(`Reconnect request sent to ${owner}`)).toBeVisible();
  await expect(history.getByText(`Opened by ${owner}`)).toBeVisible();
  await expect(history.getByText("Finch Connect opened · from the emailed link")).toBeVisible();
  const titles = await history.locator("li > p:first-of-type").allTextContents();
  const order = [
    "Connected",
    "Broke: reconnection needed",
    "Email sent",
    "Emailed link opened",
    "Finch Connect opened",
    "Reconnected",
  ];
  const positions = order.map((title) => titles.findIndex((text) => text.startsWith(title)));
  expect(positions.every((position) => position >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);

  // Now healthy, the link says so instead of opening Connect again.
  await customer.goto(link);
  await expect(customer.getByRole("heading", { name: "Gusto is already connected" })).toBeVisible();
  await context.close();

  // Someone from another organization sees neither the history nor the link's connection.
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await signUp(stranger, uniqueEmail("stranger"), "Other Co");
  const strangerView = await stranger.goto(`/connections/${connection.id}`);
  expect(strangerView?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(stranger.getByRole("list", { name: "Connection history" })).toHaveCount(0);
  await stranger.goto(link);
  await expect(
    stranger.getByRole("heading", { name: "This link belongs to another organization" }),
  ).toBeVisible();
  await expect(stranger.getByText("Gusto")).toHaveCount(0);
  await strangerContext.close();
});

test("a tampered or unknown link gets a clear page, not an error", async ({ page }) => {
  const response = await page.goto(
    "/reconnect/conn_x.user_y.zzzz.forged-signature-forged-signature-forged-sig",
  );
  expect(response?.status()).toBeLessThan(500);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await page.goto("/email/unsubscribe?token=nope");
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  const oneClick = await page.request.post("/api/email/unsubscribe?token=nope", {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(oneClick.status()).toBe(400);
});
