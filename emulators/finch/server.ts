import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { accountRoutes } from "./api/account";
import { authTokenRoutes } from "./api/auth-token";
import { connectSessionRoutes } from "./api/connect-sessions";
import { employerRoutes } from "./api/employer";
import { providerRoutes } from "./api/providers";
import { sandboxRoutes } from "./api/sandbox";
import { authorizeRoutes } from "./connect-ui/authorize-routes";
import type { EmulatorContext } from "./context";
import { caseControlRoutes } from "./control/case-controls";
import { controlRoutes } from "./control/control-api";
import { controlPageRoutes } from "./control/control-page";
import { FaultRegistry } from "./control/fault-registry";
import {
  DEFAULT_FINCH_EMULATOR_HOST,
  DEFAULT_FINCH_EMULATOR_PORT,
  DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
} from "./defaults";
import { ConnectionService } from "./domain/connections";
import { errors, FinchError } from "./http/finch-error";
import type { Reply } from "./http/reply";
import { readRawBody } from "./http/request";
import { findRoute, type Route } from "./http/router";
import { FinchRateLimiter } from "./rate-limits/finch-rate-limiter";
import { rateLimitRoutes } from "./rate-limits/rate-limit-routes";
import { rateLimitSettingsFromEnv, type RateLimitSettings } from "./rate-limits/settings";
import { newRequestId } from "./state/ids";
import { StateStore } from "./state/state-store";
import { assertValidWebhookSecret } from "./webhooks/sign-webhook";
import { WebhookDispatcher } from "./webhooks/webhook-dispatcher";

export interface FinchEmulatorOptions {
  host?: string;
  port?: number;
  publicUrl?: string;
  stateFile?: string | null;
  clientId: string;
  clientSecret: string;
  webhookSecret: string;
  webhookUrls?: string[];
  webhookRetryDelaysMs?: number[];
  /** Finch's rate limits; by default from FINCH_EMULATOR_RATE_LIMITS (off unless set). */
  rateLimits?: Partial<RateLimitSettings>;
  log?: (line: string) => void;
}

export interface RunningFinchEmulator {
  url: string;
  close(): Promise<void>;
}

function writeReply(res: ServerResponse, reply: Reply): void {
  if (reply.kind === "json") {
    res.writeHead(reply.status, { ...reply.headers, "Content-Type": "application/json" });
    res.end(JSON.stringify(reply.body));
  } else if (reply.kind === "html") {
    res.writeHead(reply.status, {
      "Content-Type": reply.contentType ?? "text/html; charset=utf-8",
      "Cache-Control": "no-store",
    });
    res.end(reply.html);
  } else {
    res.writeHead(reply.status, { Location: reply.location, "Cache-Control": "no-store" });
    res.end();
  }
}

function errorReply(error: FinchError): Reply {
  return { kind: "json", status: error.status, body: error.body(), headers: error.headers };
}

/** Origin-form targets ("/path?query") are joined, not resolved, so "//x" stays a path instead of a host. */
function requestUrl(target: string | undefined): URL {
  try {
    return target?.startsWith("/") ? new URL(`http://emulator.invalid${target}`) : new URL(target ?? "/");
  } catch {
    return new URL("http://emulator.invalid/__unparseable__");
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function defaultPublicUrl(host: string, port: number): string {
  const visibleHost =
    host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${visibleHost}:${port}`;
}

export async function startFinchEmulator(options: FinchEmulatorOptions): Promise<RunningFinchEmulator> {
  assertValidWebhookSecret(options.webhookSecret);
  const log = options.log ?? (() => undefined);
  const host = options.host ?? DEFAULT_FINCH_EMULATOR_HOST;
  let publicUrl = options.publicUrl?.replace(/\/+$/, "") ?? "";

  const store = new StateStore({
    file: options.stateFile ?? null,
    initialWebhooks: { urls: options.webhookUrls ?? [], authenticationMethodShape: "object" },
    log,
  });
  const webhooks = new WebhookDispatcher({
    store,
    secret: options.webhookSecret,
    retryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
    log,
  });
  const ctx: EmulatorContext = {
    store,
    connections: new ConnectionService(store, (connection) => webhooks.accountUpdated(connection)),
    webhooks,
    faults: new FaultRegistry(),
    rateLimits: new FinchRateLimiter(options.rateLimits ?? rateLimitSettingsFromEnv(process.env)),
    credentials: { clientId: options.clientId, clientSecret: options.clientSecret },
    publicUrl: () => publicUrl,
    log,
  };
  const routes: Route[] = [
    ...connectSessionRoutes(ctx),
    ...authTokenRoutes(ctx),
    ...accountRoutes(ctx),
    ...providerRoutes(ctx),
    ...employerRoutes(ctx),
    ...sandboxRoutes(ctx),
    ...authorizeRoutes(ctx),
    ...controlRoutes(ctx),
    ...caseControlRoutes(ctx),
    ...controlPageRoutes(ctx),
    ...rateLimitRoutes(ctx.rateLimits),
  ];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const requestId = newRequestId();
    const method = req.method ?? "GET";
    const url = requestUrl(req.url);
    res.setHeader("Finch-Request-Id", requestId);
    let reply: Reply;
    try {
      const { route, params } = findRoute(routes, method, url.pathname);
      const rawBody = method === "GET" ? "" : await readRawBody(req);
      if (route.kind === "api") {
        ctx.rateLimits.admit(req.socket.remoteAddress ?? "unknown", url.pathname);
        const delay = ctx.faults.latencyFor(url.pathname);
        if (delay > 0) await sleep(delay);
        const fault = ctx.faults.take(url.pathname);
        if (fault) throw fault;
      }
      reply = await route.handle({
        method,
        url,
        path: url.pathname,
        params,
        headers: req.headers,
        rawBody,
        requestId,
      });
    } catch (error) {
      if (!(error instanceof FinchError))
        log(`finch-emulator: unexpected error on ${method} ${url.pathname}: ${String(error)}`);
      reply = errorReply(error instanceof FinchError ? error : errors.serverError());
    }
    writeReply(res, reply);
    log(`finch-emulator: ${method} ${url.pathname} -> ${reply.status} (${Date.now() - started} ms)`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`finch-emulator: failed to answer ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) writeReply(res, errorReply(errors.serverError()));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_FINCH_EMULATOR_PORT, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  if (!publicUrl) publicUrl = defaultPublicUrl(host, port);
  webhooks.resumePending();
  log(`finch-emulator: listening on ${publicUrl} (state: ${options.stateFile ?? "memory only"})`);

  return {
    url: publicUrl,
    async close() {
      await webhooks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.save();
    },
  };
}
