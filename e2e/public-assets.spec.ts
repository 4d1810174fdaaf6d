import { expect, test } from "@playwright/test";

test("serves the favicon, the app icon and a robots.txt that keeps tokenized link pages out", async ({
  request,
}) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  const icon = await request.get("/icon-192.png");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toBe("image/png");

  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const rules = (await robots.text()).split("\n");
  expect(rules).toContain("Disallow: /reconnect/");
  expect(rules).toContain("Disallow: /email/");
  expect(rules).toContain("Disallow: /login-link/");
});

test("pages opened from emailed links ask not to be indexed; the sign-in page may be", async ({ page }) => {
  for (const path of ["/reconnect/not-a-real-token", "/email/unsubscribe?token=x", "/email/snooze?token=x"]) {
    await page.goto(path);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  }
  // Signing in on the way back to a link: the return address carries the token.
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/reconnect/some-token")}`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");

  await page.goto("/login");
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  const logo = page.getByRole("link", { name: "Payroll Connections" });
  await expect(logo.locator("img")).toHaveAttribute("src", "/icon.svg");
});
