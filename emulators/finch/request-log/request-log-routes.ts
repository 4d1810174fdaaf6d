// GET /_emulator/request-log – what the stand-in saw since the log began (?connections=1 adds each
// connection's /introspect times); DELETE /_emulator/request-log – begin a new log.
import { json } from "../../shared/http/reply";
import type { Route } from "../http/router";
import type { FinchRateLimiter } from "../rate-limits/finch-rate-limiter";
import type { RequestLog } from "./request-log";

export function requestLogRoutes(log: RequestLog, limiter: FinchRateLimiter): Route[] {
  return [
    {
      method: "GET",
      pattern: "/_emulator/request-log",
      kind: "control",
      handle: (req) => {
        // The rolling windows are the limiter's, scaled as it is.
        const usage = limiter.usage();
        const windows = { ipMs: usage.ip.windowMs, productMs: usage.products[0]?.windowMs ?? 60_000 };
        return json(log.summary(windows, { connections: req.url.searchParams.get("connections") === "1" }));
      },
    },
    {
      method: "DELETE",
      pattern: "/_emulator/request-log",
      kind: "control",
      handle: () => {
        log.clear();
        return json({ status: "cleared" });
      },
    },
  ];
}
