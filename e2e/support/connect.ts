import { expect, type FrameLocator, type Page } from "@playwright/test";

export function connectFrame(page: Page): FrameLocator {
  return page.frameLocator("#finch-connect-iframe");
}

/** Signs in on the stand-in's Connect form inside the embedded modal. */
export async function signInToProvider(page: Page, username = "payroll-admin") {
  const frame = connectFrame(page);
  await frame.getByLabel("Username").fill(username);
  await frame.getByLabel("Password").fill("letmein");
  await frame.getByRole("button", { name: "Connect" }).click();
}

/** "Connect payroll" → pick Gusto → sign in → back on the dashboard with the connection. */
export async function connectPayroll(page: Page, provider = "Gusto") {
  await page.getByRole("button", { name: "Connect payroll" }).click();
  await connectFrame(page).getByRole("button", { name: provider }).click();
  await signInToProvider(page);
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await expect(page.getByRole("article", { name: `${provider} connection` })).toBeVisible();
}
