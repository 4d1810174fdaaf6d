import { expect, type Page } from "@playwright/test";
import { linkIn, messageIds, waitForMessage } from "./mailbox";

/** Signs in through the magic link that arrives in the stand-in mailbox. */
export async function signIn(page: Page, email: string, path = "/login") {
  const seen = await messageIds(email);
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const message = await waitForMessage(email, /sign in/i, seen);
  await page.goto(linkIn(message, /^sign in$/i));
}

/** Signs in a brand-new customer and names their organization. */
export async function signUp(page: Page, email: string, organization: string) {
  await signIn(page, email);
  await page.getByLabel("Organization name").fill(organization);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name: "Payroll connections" })).toBeVisible();
}
