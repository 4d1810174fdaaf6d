// The host's backend signs its users in: POST /api/v1/login-links, then the browser opens the link.
import { expect, test, type Page } from "@playwright/test";
import { query } from "./support/db";
import { callHostApi, seedApiKey, seedHostOrganization } from "./support/host-api";
import { uniqueEmail } from "./support/mailbox";
import { checkCurrentPage } from "./support/page-checks";
import { signUp } from "./support/sign-in";

type Link = { url: string; expires_at: string };

async function loginLink(body: { organization_external_id: string; email: string; return_to?: string }) {
  const answer = await callHostApi<Link>(await seedApiKey(["links:write"]), "login-links", body);
  expect(answer.status).toBe(201);
  return answer.body.url;
}

async function membershipOf(email: string) {
  return query<{ organizationId: string; role: string }>(
    `SELECT m."organizationId", m.role::text AS role FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      WHERE u.email = $1`,
    [email],
  );
}

async function expectLinkSpent(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status()).toBeLessThan(500);
  await expect(page).toHaveURL(/\/login\?notice=link-expired$/);
  await expect(
    page.getByRole("alert").filter({ hasText: "That sign-in link is no longer valid" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
}

test("a login link signs a new person in to the host's organization, once", async ({ page }) => {
  const organization = await seedHostOrganization("Linked Payroll Co");
  const email = uniqueEmail("linked");
  const url = await loginLink({ organization_external_id: organization.externalId, email });

  // Opening the link changes nothing (a scanner or an unfurl would stop here); Continue signs in.
  const opened = await page.goto(url);
  expect(opened?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.getByRole("heading", { name: "Sign in to Linked Payroll Co" })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  await expect(page.getByText(email)).toBeVisible();
  await checkCurrentPage(page, "a login link");
  await page.goto(url);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Payroll connections" })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Linked Payroll Co").first()).toBeVisible();
  expect(await membershipOf(email)).toEqual([{ organizationId: organization.id, role: "member" }]);
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === "next-auth.session-token")).toMatchObject({
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
  });

  // Used: whoever opens it again (another browser, or this one signed out) gets the sign-in page.
  await page.context().clearCookies();
  await expectLinkSpent(page, url);
  await checkCurrentPage(page, "the sign-in page with the used-link notice");
});

test("a login link lands on return_to, and never moves a member of another organization", async ({
  page,
}) => {
  const organization = await seedHostOrganization("Return To Co");
  const email = uniqueEmail("returning");
  const url = await loginLink({
    organization_external_id: organization.externalId,
    email,
    return_to: "/team",
  });
  await page.goto(url);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/team$/);
  await expect(page.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: email })).toBeVisible();

  // Someone who already has an organization here is not moved, and the page says so.
  await page.context().clearCookies();
  const elsewhere = uniqueEmail("elsewhere");
  await signUp(page, elsewhere, "Own Org Co");
  await page.context().clearCookies();
  const refused = await loginLink({ organization_external_id: organization.externalId, email: elsewhere });
  await page.goto(refused);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/login\/other-organization$/);
  await expect(
    page.getByRole("heading", { name: "You already belong to another organization" }),
  ).toBeVisible();
  expect((await membershipOf(elsewhere)).map((m) => m.organizationId)).not.toContain(organization.id);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
