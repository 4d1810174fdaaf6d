// Starts the local Finch stand-in: Finch's API for the SDK, Finch Connect's pages, a control page.
import { createServer } from "node:http";
import { HttpProblem } from "../shared/http/http-problem";
import { closeServer, listen, serverUrl } from "../shared/http/listen";
import { json, type Reply } from "../shared/http/reply";
import { standInRequestHandler } from "../shared/http/serve";
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
import type { EmulatorRequest } from "./http/request";
import type { Route } from "./http/router";
import { FinchRateLimiter, type RateLimitCode } from "./rate-limits/finch-rate-limiter";
import { rateLimitRoutes } from "./rate-limits/rate-limit-routes";
import { rateLimitSettingsFromEnv, type RateLimitSettings } from "./rate-limits/settings";
import { RequestLog } from "./request-log/request-log";
import { requestLogRoutes } from "./request-log/request-log-routes";
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

/** The kit's request problems in Finch's error body. */
function problemReply(problem: HttpProblem): Reply {
  const error = {
    "not-found": errors.routeNotFound,
    "method-not-allowed": errors.methodNotAllowed,
    "body-too-large": errors.payloadTooLarge,
    "malformed-path": () => errors.badRequest(problem.message),
    "malformed-json": () => errors.badRequest(problem.message),
  }[problem.kind]();
  return json(error.body(), error.status, { ...error.headers, ...problem.headers() });
}

function errorReply(error: FinchError): Reply {
  return json(error.body(), error.status, error.headers);
}

/** Finch's API takes small JSON bodies; a megabyte is far more than any real call. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The connection a live bearer token belongs to, for the request log. */
function bearerConnectionId(ctx: EmulatorContext, authorization: string | undefined): string | null {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  return token ? (ctx.connections.findToken(token)?.connectionId ?? null) : null;
}

function rateLimitCode(finchCode: string | undefined): RateLimitCode | null {
  return finchCode === "finch_api_ip_rl" || finchCode === "finch_application_rl" ? finchCode : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    connections: new ConnectionService(store, (connection, entity) =>
      webhooks.accountUpdated(connection, entity),
    ),
    webhooks,
    faults: new FaultRegistry(),
    rateLimits: new FinchRateLimiter(options.rateLimits ?? rateLimitSettingsFromEnv(process.env)),
    requestLog: new RequestLog(),
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
    ...requestLogRoutes(ctx.requestLog, ctx.rateLimits),
  ];

  const server = createServer(
    standInRequestHandler<EmulatorRequest, Route>({
      label: "finch-emulator",
      routes,
      maxBodyBytes: MAX_BODY_BYTES,
      jsonContentType: "application/json",
      extend: (req, res) => {
        const requestId = newRequestId();
        res.setHeader("Finch-Request-Id", requestId);
        return { ...req, requestId };
      },
      guard: async (route, req, incoming) => {
        if (route.kind !== "api") return;
        const ip = incoming.socket.remoteAddress ?? "unknown";
        const connectionId = bearerConnectionId(ctx, req.headers.authorization);
        try {
          ctx.rateLimits.admit(ip, req.path);
        } catch (error) {
          const refused = error instanceof FinchError ? rateLimitCode(error.finchCode) : null;
          ctx.requestLog.record({ ip, path: req.path, connectionId, refused });
          throw error;
        }
        ctx.requestLog.record({ ip, path: req.path, connectionId, refused: null });
        const delay = ctx.faults.latencyFor(req.path);
        if (delay > 0) await sleep(delay);
        const fault = ctx.faults.take(req.path);
        if (fault) throw fault;
      },
      problemReply,
      errorReply: (error) => (error instanceof FinchError ? errorReply(error) : null),
      serverErrorReply: () => errorReply(errors.serverError()),
      log,
    }),
  );
  const port = await listen(server, host, options.port ?? DEFAULT_FINCH_EMULATOR_PORT, "Finch emulator");
  if (!publicUrl) publicUrl = serverUrl(host, port);
  webhooks.resumePending();
  log(`finch-emulator: listening on ${publicUrl} (state: ${options.stateFile ?? "memory only"})`);

  return {
    url: publicUrl,
    async close() {
      await webhooks.close();
      await closeServer(server);
      store.save();
    },
  };
}
