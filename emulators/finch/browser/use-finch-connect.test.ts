import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../test-support/test-emulator";
import { buildHarness } from "./build-harness";
import { CHROMIUM_ARGS, findChromium } from "@/test/find-chromium";
import { serveStatic, type StaticServer } from "./static-server";

const executablePath = findChromium();
const title = executablePath
  ? "real useFinchConnect hook against the emulator's Connect UI (Chromium)"
  : "real useFinchConnect hook against the emulator's Connect UI (skipped: no Chromium found; set CHROMIUM_PATH)";

describe.skipIf(!executablePath)(title, () => {
  let t: TestEmulator;
  let harness: StaticServer;
  let browser: Browser;
  let outDir: string;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), "finch-harness-"));
    [t] = await Promise.all([startTestEmulator(), buildHarness(outDir)]);
    harness = await serveStatic(outDir);
    browser = await chromium.launch({ executablePath: executablePath ?? undefined, args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await t?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  async function openConnect(sessionId: string, state?: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${harness.url}/?connectUrl=${encodeURIComponent(t.url)}`);
    await page.getByLabel("Session id").fill(sessionId);
    if (state) await page.getByLabel("State").fill(state);
    await page.getByRole("button", { name: "Open Finch Connect" }).click();
    return page;
  }

  const logEntries = (page: Page) => page.getByRole("list", { name: "Callback log" }).getByRole("listitem");
  const newSession = () =>
    t.client.connect.sessions.new({
      customer_id: "browser-cust",
      customer_name: "Browser Customer",
      products: ["company", "directory"],
    });

  it("success: pick a provider, survive a wrong password, sign in, and get a code the SDK can exchange", async () => {
    const { session_id } = await newSession();
    const page = await openConnect(session_id, "browser-state");
    const frame = page.frameLocator("#finch-connect-iframe");

    await frame.getByRole("button", { name: "Gusto" }).click();
    await frame.getByLabel("Username").fill("browser-admin");
    await frame.getByLabel("Password").fill("not-the-password");
    await frame.getByRole("button", { name: "Connect" }).click();
    await frame.getByRole("alert").filter({ hasText: "Incorrect username or password" }).waitFor();
    // A wrong password is not fatal: the iframe stays open, and onError hears the provider's message.
    await logEntries(page).first().waitFor();
    expect(await logEntries(page).allTextContents()).toEqual([
      "error type=employer_connection_error message=Incorrect username or password for Gusto. Check your Gusto password and try again.",
    ]);
    expect(await page.locator("#finch-connect-iframe").count()).toBe(1);

    await frame.getByLabel("Password").fill("letmein");
    await frame.getByRole("button", { name: "Connect" }).click();
    await logEntries(page).nth(1).waitFor();
    const line = (await logEntries(page).nth(1).textContent()) ?? "";
    expect(line).toMatch(/^success code=\S+ state=browser-state$/);
    await page.locator("#finch-connect-iframe").waitFor({ state: "detached" });

    const code = /code=(\S+)/.exec(line)?.[1] ?? "";
    const token = await t.client.accessTokens.create({ code });
    expect(token).toMatchObject({
      customer_id: "browser-cust",
      provider_id: "gusto",
      products: ["company", "directory"],
    });
    await page.close();
  }, 20_000);

  it("error: an unknown session reaches onError and closes Connect", async () => {
    const page = await openConnect("no-such-session");
    await logEntries(page).first().waitFor();
    expect(await logEntries(page).first().textContent()).toBe(
      "error type=validation_error message=This Connect session is invalid or has expired. Ask for a new link.",
    );
    await page.locator("#finch-connect-iframe").waitFor({ state: "detached" });
    await page.close();
  }, 20_000);

  it("close: Cancel reaches onClose and removes the iframe", async () => {
    const { session_id } = await newSession();
    const page = await openConnect(session_id);
    await page.frameLocator("#finch-connect-iframe").getByRole("button", { name: "Cancel" }).click();
    await logEntries(page).first().waitFor();
    expect(await logEntries(page).allTextContents()).toEqual(["closed"]);
    await page.locator("#finch-connect-iframe").waitFor({ state: "detached" });
    await page.close();
  }, 20_000);
});
