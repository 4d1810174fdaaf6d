// An operator creates an API key at /operator/api-keys, sees it once, the host's backend uses it against
// /api/v1, the operator revokes it and the same request gets 401. And `npm run api-key` reaches the
// running product's embedded database by its data folder alone.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { OPERATOR_EMAIL } from "./support/operator";
import { signIn } from "./support/sign-in";

test("an operator creates a key, sees it once, and revoking it turns the API's answer into 401", async ({
  page,
  request,
}) => {
  const name = `Nightly sync ${crypto.randomBytes(3).toString("hex")}`;
  await signIn(page, OPERATOR_EMAIL);
  await page.goto("/operator");
  await page.getByRole("navigation", { name: "Operator" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

  await page.getByLabel("Key name").fill(name);
  for (const scope of [
    "connections:read",
    "connections:write",
    "tokens:read",
    "links:write",
    "webhooks:write",
  ])
    await expect(page.getByRole("checkbox", { name: new RegExp(`^${scope}`) })).toBeChecked();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("you will not see it again")).toBeVisible();
  const key = (await page.getByLabel("New API key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^pck_[A-Za-z0-9_-]{43}$/);

  // Stored hashed, with every scope; the list names it by its prefix.
  const [row] = await query<{ secretHash: string; prefix: string; scopes: string[] }>(
    `SELECT "secretHash", prefix, scopes FROM "ApiKey" WHERE name = $1`,
    [name],
  );
  expect(row.secretHash).toBe(crypto.createHash("sha256").update(key).digest("hex"));
  expect(row.scopes).toHaveLength(5);
  const keys = page.getByRole("table", { name: "API keys" });
  await expect(keys.getByRole("row", { name: new RegExp(name) })).toContainText(row.prefix);

  // Seen once: after a reload the key is nowhere on the page.
  await page.reload();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  expect(await page.content()).not.toContain(key);

  const headers = { authorization: `Bearer ${key}` };
  const used = await request.get("/api/v1/connections", { headers });
  expect(used.status()).toBe(200);
  expect(await used.json()).toHaveProperty("data");
  // The server writes its keys' use about once a second (lib/api-keys/api-key-usage.ts), then the list shows it.
  await expect
    .poll(
      async () =>
        (
          await query<{ lastUsedAt: Date | null }>(`SELECT "lastUsedAt" FROM "ApiKey" WHERE name = $1`, [
            name,
          ])
        )[0].lastUsedAt,
      { timeout: 10_000 },
    )
    .not.toBeNull();
  await page.reload();
  const keyRow = keys.getByRole("row", { name: new RegExp(name) });
  await expect(keyRow.getByRole("cell").nth(3)).not.toHaveText("Never");

  await keyRow.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(keyRow).toContainText("Apps using it stop working at once");
  await keyRow.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(keyRow.getByRole("cell").nth(4)).not.toHaveText("No");
  const refused = await request.get("/api/v1/connections", { headers });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  const [revoked] = await query<{ revokedAt: Date | null }>(
    `SELECT "revokedAt" FROM "ApiKey" WHERE name = $1`,
    [name],
  );
  expect(revoked.revokedAt).not.toBeNull();
});

test("npm run api-key creates a key in the running product's embedded database, found by its data folder", async ({
  request,
}) => {
  const name = `CLI ${crypto.randomBytes(3).toString("hex")}`;
  // Neither DATABASE_URL nor the database's port: only the data folder npm start was given (playwright.config.ts).
  const env = { ...process.env, DATABASE_URL: "", EMBEDDED_DB_PORT: "", DATA_DIR: ".data/e2e" };
  const output = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./scripts/lib/allow-server-only.mjs",
      "scripts/api-key.ts",
      "create",
      name,
    ],
    { env, encoding: "utf8" },
  );
  const key = output.trim().split("\n").at(-1) ?? "";
  expect(key).toMatch(/^pck_[A-Za-z0-9_-]{43}$/);
  const answer = await request.get("/api/v1/connections", { headers: { authorization: `Bearer ${key}` } });
  expect(answer.status()).toBe(200);
  const [row] = await query<{ scopes: string[] }>(`SELECT scopes FROM "ApiKey" WHERE name = $1`, [name]);
  expect(row.scopes).toHaveLength(5);
});
