import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Body, Heading, Html, Link, Text } from "@react-email/components";
import { chromium, type Browser } from "playwright";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, findChromium } from "@/test/find-chromium";
import type { RunningResendEmulator } from "./server";
import { sdkFor, startTestEmulator } from "./test-support/test-emulator";

const executablePath = findChromium();
if (!executablePath) {
  console.warn(
    "Skipping the mailbox browser test: no Chromium found (set CHROMIUM_PATH or install Debian's chromium).",
  );
}

/** A stand-in for the app: records which paths were opened. */
function startTarget(): Promise<{ server: Server; url: string; visits: string[] }> {
  const visits: string[] = [];
  const server = createServer((req, res) => {
    visits.push(req.url ?? "");
    res
      .writeHead(200, { "content-type": "text/html" })
      .end("<!doctype html><title>App</title><h1>Signed in</h1>");
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, visits });
    });
  });
}

describe.skipIf(!executablePath)("mailbox in a real browser", () => {
  let emulator: RunningResendEmulator;
  let target: Awaited<ReturnType<typeof startTarget>>;
  let browser: Browser;

  beforeAll(async () => {
    [emulator, target, browser] = await Promise.all([
      startTestEmulator(),
      startTarget(),
      chromium.launch({ executablePath: executablePath ?? undefined, args: CHROMIUM_ARGS }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([
      browser?.close(),
      emulator?.close(),
      new Promise((resolve) => target?.server.close(resolve)),
    ]);
  });

  it("opens an email by its subject and follows the link in its body to the app", async () => {
    const signInUrl = `${target.url}/login?token=abc123`;
    // A React Email template, rendered by the SDK; its <Link> carries target="_blank" as real templates do.
    const react = createElement(
      Html,
      null,
      createElement(
        Body,
        { style: { backgroundColor: "#f6f9fc" } },
        createElement(Heading, null, "Your payroll connection needs attention"),
        createElement(Text, null, "Sign in to reconnect it."),
        createElement(Link, { href: signInUrl }, "Sign in"),
      ),
    );
    const subject = `Reconnect your provider ${Date.now()}`;
    const sent = await sdkFor(emulator).emails.send({
      from: "Payroll <payroll@example.com>",
      to: "ada@example.com",
      subject,
      react,
    });
    expect(sent.error).toBeNull();

    const page = await browser.newPage();
    // Fail within the test timeout, with Playwright's own message, rather than at Vitest's.
    page.setDefaultTimeout(5_000);
    try {
      await page.goto(emulator.url);
      await page.getByRole("link", { name: subject }).click();
      await page.waitForURL(`${emulator.url}/messages/${sent.data?.id}`);
      await page.getByRole("heading", { level: 1, name: subject }).waitFor();
      // The body lives in a shadow root; Playwright's role locators see into it as a person would.
      await page.getByRole("heading", { name: "Your payroll connection needs attention" }).waitFor();

      await page.getByRole("link", { name: "Sign in" }).click();
      await page.waitForURL(signInUrl);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Signed in");
      expect(target.visits).toContain("/login?token=abc123");
    } finally {
      await page.close();
    }
  });
});
