// End-to-end tests in a real Chromium against the product started exactly as `npm start` starts it,
// with its own data folder so every run begins from an empty embedded database.
import { defineConfig, devices } from "@playwright/test";
import { OPERATOR_EMAIL } from "./e2e/support/operator";
import { APP_URL, CLASSIC_APP_URL, E2E_PORT_ENV, E2E_PORTS } from "./e2e/support/ports";
import { CHROMIUM_ARGS, findChromium } from "./test/find-chromium";

const executablePath = findChromium() ?? undefined;
const dataDir = ".data/e2e";
// Whatever the shell has configured, e2e runs on the embedded database and the local stand-ins.
const localOnly = { DATABASE_URL: "", FINCH_BASE_URL: "", RESEND_BASE_URL: "", NODE_ENV: "", APP_URL: "" };
// Every spec signs in from 127.0.0.1: the per-IP sign-in limit would otherwise stop a full run. A run
// is dozens of customers' journeys in minutes, far above one application's Finch rate: the call
// budget's windows are shortened so its limits never decide a journey (integration tests and
// `npm run bench -- --suite=fleet` cover the budget itself).
const e2eLimits = { SIGNIN_EMAILS_PER_IP: "10000", FINCH_BUDGET_WINDOW_SCALE: "0.05" };
// The specs break many connections of one provider within minutes: that must not read as an outage.
// OPERATOR_EMAILS names the operator the console spec signs in as.
const product = { OUTAGE_MIN_CONNECTIONS: "1000000", OPERATOR_EMAILS: OPERATOR_EMAIL };

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  // No retries, in CI either: a test that fails once is a bug to find, in the product or the test.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: [
    {
      command: `rm -rf ${dataDir} && node --import tsx scripts/start.ts`,
      url: `${APP_URL}/login`,
      env: { ...localOnly, ...e2eLimits, ...product, ...E2E_PORT_ENV, DATA_DIR: dataDir },
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
    {
      // A second instance on the same database (port picked free, like every port of the run), configured for Finch's classic (session-less) Connect URL.
      command: `node --import tsx scripts/start-instance.ts ${E2E_PORTS.classic} FINCH_CONNECT_FLOW=classic`,
      url: `${CLASSIC_APP_URL}/login`,
      env: { ...localOnly, ...e2eLimits, ...product, ...E2E_PORT_ENV, DATA_DIR: dataDir },
      reuseExistingServer: false,
      timeout: 420_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
  ],
});
