import Finch from "@tryfinch/finch-api";
import { startFinchEmulator, type FinchEmulatorOptions, type RunningFinchEmulator } from "../server";
import { DEVELOPMENT_CREDENTIALS } from "../../shared/development-credentials";

export const TEST_CLIENT_ID = "test-client-id";
export const TEST_CLIENT_SECRET = "test-client-secret";
export const TEST_WEBHOOK_SECRET = DEVELOPMENT_CREDENTIALS.FINCH_WEBHOOK_SECRET;

export interface TestEmulator {
  emulator: RunningFinchEmulator;
  url: string;
  /** SDK client with client credentials only (Basic-auth and token-exchange calls). */
  client: Finch;
  /** SDK client acting with an access token. */
  withToken(token: string): Finch;
  close(): Promise<void>;
}

/** Starts an in-process emulator on an ephemeral port, memory-only unless a state file is given. */
export async function startTestEmulator(
  overrides: Partial<FinchEmulatorOptions> = {},
): Promise<TestEmulator> {
  const emulator = await startFinchEmulator({
    port: 0,
    stateFile: null,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    webhookSecret: TEST_WEBHOOK_SECRET,
    webhookUrls: [],
    ...overrides,
  });
  const client = new Finch({
    baseURL: emulator.url,
    clientID: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    maxRetries: 0,
  });
  return {
    emulator,
    url: emulator.url,
    client,
    withToken: (token) => client.withOptions({ accessToken: token }),
    close: () => emulator.close(),
  };
}

/** Calls a control endpoint and returns its parsed JSON (throws on non-2xx so tests fail loudly). */
export async function control<T = unknown>(
  url: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Captures the error a promise rejects with, so tests can assert on its class and body. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** The parsed Finch error body the SDK attaches as `error.error`. */
export function finchBody(error: unknown): Record<string, unknown> {
  if (error instanceof Finch.APIError && error.error && typeof error.error === "object") {
    return error.error as Record<string, unknown>;
  }
  throw new Error(`not a Finch APIError with a JSON body: ${String(error)}`);
}
