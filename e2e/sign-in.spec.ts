import { expect, test } from "@playwright/test";
import { MAILBOX_URL, uniqueEmail, waitForMessage } from "./support/mailbox";
import { signIn, signUp } from "./support/sign-in";

test("a new customer signs in from the mailbox, names the organization, signs out and back in", async ({
  page,
}) => {
  const email = uniqueEmail();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  // Read the link the way a person does: open the mailbox, open the message, click the button.
  const message = await waitForMessage(email, /sign in/i);
  await page.goto(`${MAILBOX_URL}/messages/${message.id}`);
  await page.getByRole("link", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/onboarding/);
  await page.getByLabel("Organization name").fill("Acme Payroll Test");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name: "Payroll connections" })).toBeVisible();
  await expect(page.getByText("Acme Payroll Test").first()).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Payroll connections" })).toBeVisible();
  await expect(page.getByText("Acme Payroll Test").first()).toBeVisible();
});

test("a used or malformed magic link shows a clear page, not an error", async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email, "Link Reuse Co");
  const message = await waitForMessage(email, /sign in/i);
  const used = message.html.match(/href="([^"]*callback\/email[^"]*)"/)?.[1]?.replaceAll("&amp;", "&");
  expect(used).toBeTruthy();

  await page.context().clearCookies();
  const response = await page.goto(used as string);
  expect(response?.status()).toBeLessThan(500);
  await expect(page.getByRole("heading", { name: "This sign-in link is no longer valid" })).toBeVisible();

  await page.goto("/api/auth/callback/email?token=garbage");
  await expect(page.getByRole("heading", { name: /no longer valid|could not sign you in/ })).toBeVisible();
});

test("unknown routes show a finished 404 page", async ({ page }) => {
  const response = await page.goto("/this/does/not/exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("an owner invites a colleague who joins the organization", async ({ page, browser }) => {
  const owner = uniqueEmail("owner");
  const colleague = uniqueEmail("colleague");
  await signUp(page, owner, "Team Test Co");
  await page.getByRole("link", { name: "Team" }).click();
  await page.getByLabel("Colleague's email").fill(colleague);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${colleague}.`)).toBeVisible();

  const other = await browser.newPage();
  await waitForMessage(colleague, /invited you/i);
  await signIn(other, colleague);
  await other.getByRole("button", { name: "Join Team Test Co" }).click();
  await expect(other.getByRole("heading", { name: "Payroll connections" })).toBeVisible();
  await other.getByRole("link", { name: "Team" }).click();
  await expect(other.getByText(owner)).toBeVisible();
  await other.close();
});
