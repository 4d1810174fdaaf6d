import { expect, test } from "@playwright/test";
import { connectPayroll } from "./support/connect";
import { connectionsOf } from "./support/db";
import { APP_WEBHOOK_URL, setConnectionStatus, setWebhookUrls } from "./support/finch-stand-in";
import { uniqueEmail } from "./support/mailbox";
import { HOOKS_URL } from "./support/ports";
import { signUp } from "./support/sign-in";

interface Received {
  path: string;
  body: string;
  verified: boolean | null;
}

async function receivedAt(path: string): Promise<Received[]> {
  const response = await fetch(`${HOOKS_URL}/received?path=${encodeURIComponent(path)}`);
  return ((await response.json()) as { data: Received[] }).data;
}

const eventTypes = async (path: string) =>
  (await receivedAt(path)).map(
    (hook) => (JSON.parse(hook.body) as { type?: string; text?: string }).type ?? "slack",
  );

test("an owner sets up Slack and a signed webhook endpoint, and a broken connection reaches both once", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await setWebhookUrls([APP_WEBHOOK_URL]);
  const owner = uniqueEmail("alerts");
  const suffix = owner.split("@")[0];
  const slackPath = `/slack/T0/B0/${suffix}`;
  const hookPath = `/hooks/${suffix}`;
  await signUp(page, owner, "Alerts Co");

  await page.getByRole("link", { name: "Alerts" }).click();
  await expect(page.getByRole("heading", { name: "Alert channels" })).toBeVisible();
  await page.getByLabel("Slack webhook URL").fill(`${HOOKS_URL}${slackPath}`);
  const slackForm = page.locator("form").filter({ has: page.getByLabel("Slack webhook URL") });
  await slackForm.getByRole("button", { name: "Save" }).click();
  await expect(slackForm.getByText("Saved.")).toBeVisible();
  await slackForm.getByRole("button", { name: "Send test" }).click();
  await expect(slackForm.getByText("Test sent: the receiver answered 200.")).toBeVisible();
  expect(await eventTypes(slackPath)).toEqual(["slack"]);

  const hookForm = page.locator("form").filter({ has: page.getByLabel("Webhook endpoint URL") });
  await page.getByLabel("Webhook endpoint URL").fill(`${HOOKS_URL}${hookPath}`);
  await hookForm.getByRole("button", { name: "Save" }).click();
  const secret = (await hookForm.locator("code").textContent()) ?? "";
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
  // Shown once: after a reload only a shortened URL is on the page, never the secret.
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
  await fetch(`${HOOKS_URL}/_emulator/secrets`, {
    method: "POST",
    body: JSON.stringify({ pathPrefix: hookPath, secret }),
  });

  await page.goto("/");
  await connectPayroll(page);
  const [connection] = await connectionsOf(owner);
  await setConnectionStatus(connection.finchConnectionId, "reauth");
  await expect.poll(() => eventTypes(hookPath), { timeout: 30_000 }).toEqual(["connection.broken"]);
  await expect.poll(() => eventTypes(slackPath), { timeout: 30_000 }).toEqual(["slack", "slack"]);
  await page.waitForTimeout(3_000); // room for a duplicate to arrive, if there were one
  expect(await eventTypes(hookPath)).toEqual(["connection.broken"]);
  const [hook] = await receivedAt(hookPath);
  expect(hook.verified).toBe(true);

  await page.goto(`/connections/${connection.id}`);
  const history = page.getByRole("list", { name: "Connection history" });
  await expect(history.getByText(/Slack alert \(broken\) delivered/)).toBeVisible();
  await expect(history.getByText(/webhook endpoint alert \(broken\) delivered/)).toBeVisible();
  await expect(page.getByRole("img", { name: /Health over the last 90 days/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Incidents, last 90 days 1/ })).toBeVisible();

  // A new endpoint URL comes with a new secret, shown once: the old receiver cannot sign for it.
  await page.getByRole("link", { name: "Alerts" }).click();
  await page.getByLabel("Webhook endpoint URL").fill(`${HOOKS_URL}${hookPath}/moved`);
  await hookForm.getByRole("button", { name: "Save" }).click();
  await expect(hookForm.getByText("Saved, with a new signing secret.", { exact: false })).toBeVisible();
  const newSecret = (await hookForm.locator("code").textContent()) ?? "";
  expect(newSecret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
  expect(newSecret).not.toBe(secret);
  await page.reload();
  await expect(page.getByText(newSecret)).toHaveCount(0);
});
