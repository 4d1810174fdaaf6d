// Logging that cannot leak secrets: errors are reduced to their class, message and code, and anything
// that looks like a bearer token or key is masked. pino underneath: one JSON object a line (level, time,
// msg, and the request or job id of the work that logged it), or pretty lines under npm start.
import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import { env } from "./env";

const SECRET_PATTERNS = [
  /Bearer\s+[\w.~+/=-]+/gi,
  /Basic\s+[\w+/=]+/gi,
  /\bre_[\w]+/g,
  /access_token["':=\s]+[\w-]+/gi,
];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, "[redacted]"), text);
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = "code" in error && typeof error.code === "string" ? ` [${error.code}]` : "";
    const cause = error.cause ? ` (cause: ${describeError(error.cause)})` : "";
    return redact(`${error.constructor.name}${code}: ${error.message}${cause}`);
  }
  // Some libraries emit plain objects (pg-boss's "error" event, driver errors crossing a worker).
  if (typeof error === "object" && error !== null) {
    const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
    if (typeof message === "string")
      return redact(
        `${typeof name === "string" ? name : "Error"}${typeof code === "string" ? ` [${code}]` : ""}: ${message}`,
      );
    return redact(JSON.stringify(error) ?? String(error));
  }
  return redact(String(error));
}

/** Ids that tie a line to its work: `requestId` in route handlers, `jobId` and `queue` in job workers. */
export type LogContext = { requestId?: string; jobId?: string; queue?: string };

// The work's scope: its log ids, and values under symbol keys that follow the work but never reach a
// line (pino writes string keys only), such as the current span. One store, so no other
// AsyncLocalStorage has to be kept for every promise of the process.
const context = new AsyncLocalStorage<LogContext & { [key: symbol]: unknown }>();

/** Runs `work` with these ids added to every line it logs. */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, work);
}

/** Runs `work` with a value under `key` in its scope, for `scopedValue` to find; never logged. */
export function withScopedValue<T>(key: symbol, value: unknown, work: () => T): T {
  // Copied, then set: a spread with a computed symbol key (`{ ...store, [key]: value }`) takes V8's slow
  // path, about 1 µs a call, once per span (bench/observability/span-cost.ts).
  const store: LogContext & { [key: symbol]: unknown } = Object.assign({}, context.getStore());
  store[key] = value;
  return context.run(store, work);
}

export function scopedValue(key: symbol): unknown {
  return context.getStore()?.[key];
}

function settings(): { format: "json" | "pretty"; level: string } {
  try {
    const config = env();
    return { format: config.LOG_FORMAT, level: config.LOG_LEVEL };
  } catch {
    return { format: "json", level: "info" }; // logging must work before (and without) a valid configuration
  }
}

/** A logger writing to `destination` (stdout by default); exported for tests. */
export function createLogger(destination?: DestinationStream, format = settings().format): Logger {
  const options = {
    level: settings().level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: () => context.getStore() ?? {},
  };
  if (format === "pretty") return pino(options, pretty({ sync: true, destination: destination ?? 1 }));
  return pino(options, destination ?? pino.destination({ sync: true }));
}

const globalForLog = globalThis as unknown as { payrollLogger?: Logger };

function logger(): Logger {
  return (globalForLog.payrollLogger ??= createLogger());
}

export function logError(context: string, error?: unknown): void {
  const message = redact(context);
  if (error === undefined) logger().error(message);
  else logger().error(`${message}: ${describeError(error)}`);
}

export function logWarn(message: string): void {
  logger().warn(redact(message));
}

export function logInfo(message: string): void {
  logger().info(redact(message));
}
