// Finds a Chromium for browser tests (the stand-ins' tests and Playwright e2e): CHROMIUM_PATH, then Debian's, then Playwright's own.
import { existsSync } from "node:fs";
import { chromium } from "playwright";

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.CHROMIUM_PATH, "/usr/bin/chromium", safePlaywrightPath()];
  return (
    candidates.find(
      (candidate): candidate is string => Boolean(candidate) && existsSync(candidate as string),
    ) ?? null
  );
}

/** Flags that keep Chromium quiet and working in a container without network access. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
