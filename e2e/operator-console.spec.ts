import crypto from "node:crypto";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { query } from "./support/db";
import { uniqueEmail, waitForMessage } from "./support/mailbox";
import { OPERATOR_EMAIL } from "./support/operator";
import { seedBrokenOrg } from "./support/seed-fleet";
import { signIn, signUp } from "./support/sign-in";

const OPERATOR_URLS = [
  "/operator",
  "/operator/funnel",
  "/operator/machinery",
  "/operator/connections/anything",
];
const EXPORT_URL = "/api/operator/broken-connections/export";

/** The CSV export answers like a page that is not there: 404, the not-found page's words, no CSV. */
async function expectExportNotFound(page: Page) {
  const response = await page.request.get(EXPORT_URL);
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).toContain("text/html");
  expect(await response.text()).toContain("Page not found");
}

test("the console does not exist for customers or signed-out visitors: the ordinary not-found page", async ({
  page,
}) => {
  for (const url of OPERATOR_URLS) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await expectExportNotFound(page);

  await signUp(page, uniqueEmail(), "Curious Customer Co");
  for (const url of OPERATOR_URLS) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Fleet health")).toHaveCount(0);
  }
  await expectExportNotFound(page);
});

test("an operator filters the broken connections, exports them and resends a reconnect email", async ({
  page,
}) => {
  const tag = crypto.randomBytes(3).toString("hex");
  const provider = `prov${tag}`;
  const fresh = await seedBrokenOrg({
    organizationName: `Fresh ${tag} Ltd`,
    providerId: provider,
    brokenDaysAgo: 0.2,
  });
  const old = await seedBrokenOrg({
    organizationName: `Old ${tag} Inc`,
    providerId: provider,
    brokenDaysAgo: 10,
  });
  const other = await seedBrokenOrg({
    organizationName: `Other ${tag} GmbH`,
    providerId: "gusto",
    brokenDaysAgo: 2,
  });

  await signIn(page, OPERATOR_EMAIL);
  await page.goto("/operator");
  await expect(page.getByRole("heading", { name: "Fleet health", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Broken connections" });

  // Filter by provider: both of that provider's, not the other one.
  await page.getByLabel("Provider").selectOption(provider);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`provider=${provider}`));
  await expect(table.getByRole("row")).toHaveCount(3); // header + 2
  await expect(table.getByText(fresh.organizationName)).toBeVisible();
  await expect(table.getByText(old.organizationName)).toBeVisible();
  await expect(table.getByText(other.organizationName)).toHaveCount(0);

  // And by age: only the one broken for over a week.
  await page.getByLabel("Broken for").selectOption("over_7d");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByText(old.organizationName)).toBeVisible();

  // The CSV holds exactly the filtered rows.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const csv = fs.readFileSync(await (await download).path(), "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toMatch(/^Organization,Provider,Status,Since,Detection path,Emails delivered/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(old.organizationName);
  expect(lines[1]).toContain(old.connectionId);

  // Search by a member's email, across providers.
  await page.goto("/operator");
  await page.getByLabel("Organization or member email").fill(other.memberEmail);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByText(other.organizationName)).toBeVisible();

  // Open its timeline and resend the reconnect email.
  await table.getByRole("link", { name: other.organizationName }).click();
  await expect(page.getByRole("heading", { name: new RegExp(other.organizationName) })).toBeVisible();
  await page.getByRole("button", { name: "Resend reconnect email" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Reconnect email sent to 1 member." }),
  ).toBeVisible();
  await waitForMessage(other.memberEmail, /reconnect/i);
  await page.reload();
  await expect(page.getByText("Reconnect email resent by support")).toBeVisible();
  await expect(page.getByText(`Sent again to 1 member(s) by ${OPERATOR_EMAIL}`)).toBeVisible();

  // A second resend right away is refused (rate limit per organization).
  await page.getByRole("button", { name: "Resend reconnect email" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "wait 10 minutes between resends" })).toBeVisible();
  const events = await query<{ actorUserId: string | null }>(
    `SELECT "actorUserId" FROM "ConnectionEvent" WHERE "connectionId" = $1 AND type = 'operator_resend'`,
    [other.connectionId],
  );
  expect(events).toHaveLength(1);
  expect(events[0].actorUserId).toBeTruthy();
});

test("the repair funnel and machinery pages name their charts and tables; the charts never ship to customers", async ({
  page,
}) => {
  const scriptsWith = async (marker: string) => {
    const sources = await page
      .locator("script[src]")
      .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).src));
    let found = 0;
    for (const src of sources) if ((await (await page.request.get(src)).text()).includes(marker)) found++;
    return found;
  };

  await signIn(page, OPERATOR_EMAIL);
  await page.goto("/operator/funnel");
  await expect(page.getByRole("heading", { name: "Repair funnel", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: "Repair funnel" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Repair funnel numbers" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Time to repair by week" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Repair funnel by provider" })).toBeVisible();
  // Positive control: the chart library is in this page's JavaScript.
  expect(await scriptsWith("recharts-surface")).toBeGreaterThan(0);

  await page.goto("/operator/machinery");
  await expect(page.getByRole("heading", { name: "Sweep coverage" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Email outbox" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signUp(page, uniqueEmail(), "Chart Free Customer");
  expect(await scriptsWith("recharts-surface")).toBe(0);
});
