import type { ConnectionService } from "./domain/connections";
import type { FaultRegistry } from "./control/fault-registry";
import type { ClientCredentials } from "./http/auth";
import type { FinchRateLimiter } from "./rate-limits/finch-rate-limiter";
import type { RequestLog } from "./request-log/request-log";
import type { StateStore } from "./state/state-store";
import type { WebhookDispatcher } from "./webhooks/webhook-dispatcher";

/** Everything a route needs, built once per running emulator. */
export interface EmulatorContext {
  store: StateStore;
  connections: ConnectionService;
  webhooks: WebhookDispatcher;
  faults: FaultRegistry;
  rateLimits: FinchRateLimiter;
  /** Every API call that reached the stand-in (GET /_emulator/request-log). */
  requestLog: RequestLog;
  credentials: ClientCredentials;
  /** Known only once the server listens (port 0 picks a port), hence a function. */
  publicUrl: () => string;
  log: (line: string) => void;
}
