// Starts the local Resend stand-in: Resend's HTTP API for the SDK, plus a mailbox for people.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_HOST, DEFAULT_PORT } from "./defaults";
import type { EmulatorContext } from "./emulator-context";
import { loadEmulatorState } from "./state/emulator-state";
import { BodyTooLargeError, sendError } from "./http/http-io";
import { resendError } from "./api/resend-errors";
import { route } from "./http/router";

export interface ResendEmulatorOptions {
  host?: string; // default "127.0.0.1"
  port?: number; // default 4020; 0 = ephemeral
  stateFile?: string | null; // JSON file persisting messages; null = memory only
  apiKey?: string | null; // when set, only this Bearer key is accepted; when null any non-empty `re_…` key is accepted
  log?: (line: string) => void;
}

export interface RunningResendEmulator {
  url: string;
  close(): Promise<void>;
}

export async function startResendEmulator(
  options: ResendEmulatorOptions = {},
): Promise<RunningResendEmulator> {
  const host = options.host ?? DEFAULT_HOST;
  const log = options.log ?? (() => {});
  const ctx: EmulatorContext = {
    state: loadEmulatorState(options.stateFile ?? null, log),
    apiKey: options.apiKey ?? null,
    log,
  };
  const server = createServer((req, res) => {
    void handle(req, res, ctx);
  });
  const port = await listen(server, host, options.port ?? DEFAULT_PORT);
  const url = `http://${urlHost(host)}:${port}`;
  log(`Resend emulator listening on ${url}`);
  return {
    url,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from the SDK's fetch would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: EmulatorContext): Promise<void> {
  const started = Date.now();
  res.on("finish", () => ctx.log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
  try {
    await route(req, res, ctx);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof BodyTooLargeError) {
      return sendError(res, resendError(413, "validation_error", error.message), { connection: "close" });
    }
    // One place for the unexpected: log the detail, answer with Resend's generic 500.
    ctx.log(
      `internal error on ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    sendError(res, resendError(500, "internal_server_error", "An unexpected error occurred."));
  }
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === "EADDRINUSE" ? `port ${port} on ${host} is already in use` : error.message;
      reject(new Error(`Resend emulator could not start: ${reason}`));
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A wildcard bind is reachable on loopback; IPv6 literals need brackets in a URL. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
