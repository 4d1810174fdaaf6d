// The local inbox for outgoing hooks: accepts Slack-style posts under /slack/… and Standard Webhooks
// posts under /hooks/…, verifies signatures when told the secret, and lists what arrived at "/" and
// GET /received. POST /_emulator/faults makes the next posts fail, so retries can be tested.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { faultSchema, HookStore, secretSchema } from "./hook-store";
import { inboxPage } from "./inbox-page";
import { verifyStandardWebhook } from "./verify-signature";

export interface HooksEmulatorOptions {
  host?: string;
  /** 0 = any free port. */
  port?: number;
  log?: (line: string) => void;
}

export interface RunningHooksEmulator {
  url: string;
  store: HookStore;
  close(): Promise<void>;
}

const MAX_BODY = 256 * 1024;

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function reply(res: ServerResponse, status: number, body: unknown, type = "application/json"): void {
  res.writeHead(status, { "content-type": type });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(", ") : (value ?? ""),
    ]),
  );
}

async function control(req: IncomingMessage, res: ServerResponse, store: HookStore, path: string) {
  const raw = await readBody(req);
  const json: unknown = raw ? JSON.parse(raw) : {};
  if (path === "/_emulator/faults" && req.method === "POST") {
    const fault = faultSchema.safeParse(json);
    if (!fault.success) return reply(res, 400, { error: fault.error.issues[0]?.message });
    store.addFault(fault.data);
    return reply(res, 200, { ok: true });
  }
  if (path === "/_emulator/faults" && req.method === "DELETE")
    return (store.clearFaults(), reply(res, 200, { ok: true }));
  if (path === "/_emulator/secrets" && req.method === "POST") {
    const secret = secretSchema.safeParse(json);
    if (!secret.success) return reply(res, 400, { error: secret.error.issues[0]?.message });
    store.setSecret(secret.data.pathPrefix, secret.data.secret);
    return reply(res, 200, { ok: true });
  }
  reply(res, 404, { error: "not found" });
}

async function receive(req: IncomingMessage, res: ServerResponse, store: HookStore, path: string) {
  const body = await readBody(req);
  if (body === null) return reply(res, 413, { error: "body too large" });
  const headers = flatHeaders(req);
  const secret = path.startsWith("/hooks") ? store.secretFor(path) : null;
  const verified = secret === null ? null : verifyStandardWebhook(secret, headers, body);
  const fault = store.takeFault(path);
  const status = fault ?? (verified === false ? 401 : 200);
  store.add({ path, headers, body, verified, status });
  // Slack answers a plain "ok".
  if (status === 200 && path.startsWith("/slack")) return reply(res, 200, "ok", "text/plain");
  reply(
    res,
    status,
    status === 200 ? { ok: true } : { error: fault ? "injected failure" : "invalid signature" },
  );
}

async function handle(req: IncomingMessage, res: ServerResponse, store: HookStore): Promise<void> {
  const url = new URL(req.url ?? "/", "http://hooks.local");
  const path = url.pathname;
  if (req.method === "GET" && path === "/")
    return reply(res, 200, inboxPage(store.list({ all: true })), "text/html; charset=utf-8");
  if (req.method === "GET" && path === "/received") {
    const pathPrefix = url.searchParams.get("path") ?? undefined;
    return reply(res, 200, { data: store.list({ pathPrefix, all: url.searchParams.get("all") === "1" }) });
  }
  if (req.method === "DELETE" && path === "/received") return (store.clear(), reply(res, 200, { ok: true }));
  if (path.startsWith("/_emulator/")) return control(req, res, store, path);
  if (req.method === "POST" && (path.startsWith("/slack/") || path.startsWith("/hooks/")))
    return receive(req, res, store, path);
  reply(res, 404, { error: "POST to /slack/… or /hooks/…" });
}

export async function startHooksEmulator(options: HooksEmulatorOptions = {}): Promise<RunningHooksEmulator> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => {});
  const store = new HookStore();
  const server = createServer((req, res) => {
    handle(req, res, store).catch((error: unknown) => {
      log(`hooks stand-in: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) reply(res, 400, { error: "bad request" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `Hooks stand-in could not start: ${error.code === "EADDRINUSE" ? `port ${options.port} is already in use` : error.message}`,
        ),
      ),
    );
    server.listen(options.port ?? 4030, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  log(`Hooks stand-in listening on ${url}`);
  return {
    url,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
