// Integration-test helpers: the Finch stand-in in-process on a free loopback port with the app
// pointed at it, seeded organizations and connections (tokens sealed as the app stores them), and
// webhook requests signed the way Finch signs them.
import crypto from "node:crypto";
import Finch from "@tryfinch/finch-api";
import { signWebhook } from "@/emulators/finch/webhooks/sign-webhook";
import { startFinchEmulator, type RunningFinchEmulator } from "@/emulators/finch/server";
import { sealAccessToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run integration tests through the vitest "integration" project`);
  return value;
}

export interface FinchForTests {
  emulator: RunningFinchEmulator;
  url: string;
  /** SDK client with the app's client credentials (sandbox connection creation). */
  sdk: Finch;
  withToken(accessToken: string): Finch;
  /** Calls the stand-in's control API (/_emulator/…); throws on a non-2xx answer. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export interface StartFinchOptions {
  webhookUrls?: string[];
  /** Points the app somewhere else (e.g. a proxy in front of the stand-in). */
  appBaseUrl?: (emulatorUrl: string) => string;
}

/**
 * Starts the stand-in and points the app's env at it. Call it before anything reads env() in the
 * test file (env() is cached); it refuses to run otherwise. The continuous sweep is off, so nothing
 * checks connections in the middle of a test.
 */
export async function startFinchForTests(options: StartFinchOptions = {}): Promise<FinchForTests> {
  const clientId = required("FINCH_CLIENT_ID");
  const clientSecret = required("FINCH_CLIENT_SECRET");
  const emulator = await startFinchEmulator({
    host: "127.0.0.1",
    port: 0,
    stateFile: null,
    clientId,
    clientSecret,
    webhookSecret: required("FINCH_WEBHOOK_SECRET"),
    webhookUrls: options.webhookUrls ?? [],
    webhookRetryDelaysMs: [200, 500],
  });
  const appBaseUrl = options.appBaseUrl?.(emulator.url) ?? emulator.url;
  process.env.FINCH_BASE_URL = appBaseUrl;
  process.env.SWEEP_CONTINUOUS = "off";
  if (env().FINCH_BASE_URL !== appBaseUrl) {
    await emulator.close();
    throw new Error("env() was read before startFinchForTests(): call it first in beforeAll");
  }
  const sdk = new Finch({
    baseURL: emulator.url,
    clientID: clientId,
    clientSecret,
    maxRetries: 0,
    logLevel: "off",
  });
  return {
    emulator,
    url: emulator.url,
    sdk,
    withToken: (accessToken) => sdk.withOptions({ accessToken }),
    async control<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${emulator.url}${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${await response.text()}`);
      return (await response.json()) as T;
    },
    close: () => emulator.close(),
  };
}

export const uniqueSuffix = () => `${Date.now().toString(36)}-${crypto.randomBytes(4).toString("hex")}`;

export async function seedOrganization(name = `Org ${uniqueSuffix()}`) {
  return db().organization.create({ data: { name }, select: { id: true, name: true } });
}

export interface SeededConnection {
  id: string;
  organizationId: string;
  finchConnectionId: string;
  accessToken: string;
}

/** A sandbox connection in the stand-in and its Connection row, token encrypted like the app does. */
export async function seedConnection(
  finch: FinchForTests,
  organizationId: string,
  providerId = "gusto",
): Promise<SeededConnection> {
  const created = await finch.sdk.sandbox.connections.create({ provider_id: providerId });
  // The id is bound into the token's ciphertext, so it is chosen before the row is written.
  const id = `c${crypto.randomBytes(12).toString("hex")}`;
  await db().connection.create({
    data: {
      id,
      organizationId,
      finchConnectionId: created.connection_id,
      finchCompanyId: created.company_id,
      providerId,
      providerName: providerId,
      products: created.products,
      authenticationType: created.authentication_type,
      ...sealAccessToken(id, created.access_token),
    },
  });
  return { id, organizationId, finchConnectionId: created.connection_id, accessToken: created.access_token };
}

export interface SignedWebhookOptions {
  eventId?: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  secret?: string;
  /** Change the body after signing (tampering). */
  tamper?: (body: string) => string;
  omitHeaders?: string[];
}

/** A POST to the webhook route, signed with Finch's scheme (the stand-in's signer). */
export function signedWebhookRequest(payload: unknown, options: SignedWebhookOptions = {}): Request {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const eventId = options.eventId ?? `msg_${crypto.randomBytes(12).toString("hex")}`;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signed = signWebhook(options.secret ?? required("FINCH_WEBHOOK_SECRET"), eventId, timestamp, body);
  const headers = new Headers({ "content-type": "application/json", ...signed });
  for (const name of options.omitHeaders ?? []) headers.delete(name);
  return new Request("http://localhost:3000/api/finch/webhook", {
    method: "POST",
    headers,
    body: options.tamper ? options.tamper(body) : body,
  });
}

export function accountUpdated(
  finchConnectionId: string,
  status: string,
  authenticationMethod: unknown = { type: "credential" },
) {
  return {
    company_id: crypto.randomUUID(),
    account_id: crypto.randomUUID(),
    connection_id: finchConnectionId,
    entity_id: null,
    event_type: "account.updated",
    data: { status, authentication_method: authenticationMethod },
  };
}
