// Shared by the emulator's tests: start one on an ephemeral port and talk to it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Resend } from "resend";
import { afterAll, afterEach, beforeAll } from "vitest";
import { startResendEmulator, type ResendEmulatorOptions, type RunningResendEmulator } from "../server";

export async function startTestEmulator(options: ResendEmulatorOptions = {}): Promise<RunningResendEmulator> {
  return startResendEmulator({ port: 0, stateFile: null, ...options });
}

/**
 * One emulator for a test file: started before its tests, emptied after each, closed at the end. The
 * handle reads the running emulator lazily, so it can be created at module level.
 */
export function setupTestEmulator(): RunningResendEmulator {
  let running: RunningResendEmulator | undefined;
  const current = () => {
    if (!running) throw new Error("the emulator starts in beforeAll");
    return running;
  };
  beforeAll(async () => {
    running = await startTestEmulator();
  });
  afterEach(async () => {
    await fetch(`${current().url}/_emulator/reset`, { method: "POST" });
  });
  afterAll(() => current().close());
  return {
    get url() {
      return current().url;
    },
    close: () => current().close(),
  };
}

/** The official SDK, pointed at the emulator through its `baseUrl` option. */
export function sdkFor(emulator: RunningResendEmulator, key = "re_test"): Resend {
  return new Resend(key, { baseUrl: emulator.url });
}

export interface ListedEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string | null;
  text: string | null;
  headers: Record<string, string> | null;
  created_at: string;
}

/** What a test helper sees at GET /emails (no key needed). */
export async function listEmails(emulator: RunningResendEmulator, to?: string): Promise<ListedEmail[]> {
  const query = to ? `?to=${encodeURIComponent(to)}` : "";
  const response = await fetch(`${emulator.url}/emails${query}`);
  if (!response.ok) throw new Error(`GET /emails answered ${response.status}`);
  const body = (await response.json()) as { data: ListedEmail[] };
  return body.data;
}

export async function postJson(
  emulator: RunningResendEmulator,
  pathname: string,
  body: string,
  headers: Record<string, string> = { authorization: "Bearer re_test" },
): Promise<{ status: number; headers: Headers; json: unknown }> {
  const response = await fetch(`${emulator.url}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "resend-emulator-"));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const sampleEmail = {
  from: "Payroll Connections <connections@example.com>",
  to: "ada@example.com",
  subject: "Reconnect your payroll provider",
  html: '<p>Your connection needs attention. <a href="https://app.example.com/login">Sign in</a></p>',
  text: "Your connection needs attention. Sign in: https://app.example.com/login",
};
