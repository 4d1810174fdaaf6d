// The one place that reads process.env. Parsed lazily so `next build` needs no secrets.
import { z } from "zod";
import { FINCH_PRODUCTS, type FinchProduct } from "@/lib/finch/spec/products";
import { FINCH_RATE_LIMITS } from "@/lib/finch/spec/rate-limits";

const csv = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  );

/** A schedule in cron syntax (5 or 6 fields, UTC), with its default. */
const cron = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((value) => /^\S+( \S+){4,5}$/.test(value), "must be a cron expression with 5 or 6 fields");

const defaultProducts: FinchProduct[] = ["company", "directory", "individual", "employment"];

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  APP_URL: z.url().default("http://localhost:3000"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm start sets it for the embedded database)"),
  // The hottest reads are prepared once per connection ("auto": on real PostgreSQL, not on the embedded
  // PGlite). "off" behind a pooler in transaction mode (PgBouncer before 1.21).
  DATABASE_PREPARED_STATEMENTS: z.enum(["auto", "off"]).default("auto"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  // "keyId:base64Key,…"; the first key encrypts, every key decrypts, so keys can rotate.
  TOKEN_ENCRYPTION_KEYS: z.string().min(1, "TOKEN_ENCRYPTION_KEYS is required"),
  FINCH_CLIENT_ID: z.string().min(1, "FINCH_CLIENT_ID is required"),
  FINCH_CLIENT_SECRET: z.string().min(1, "FINCH_CLIENT_SECRET is required"),
  // Finch issues it as bare base64; the SDK refuses any secret that does not survive a base64 round trip.
  FINCH_WEBHOOK_SECRET: z
    .string()
    .min(1, "FINCH_WEBHOOK_SECRET is required")
    .refine(
      (value) => Buffer.from(value, "base64").toString("base64") === value,
      "must be the base64 secret from the Finch dashboard",
    ),
  FINCH_BASE_URL: z.url().default("https://api.tryfinch.com"),
  // A bare origin: react-connect compares message origins by prefix.
  FINCH_CONNECT_URL: z
    .url()
    .default("https://connect.tryfinch.com")
    .transform((value) => new URL(value).origin),
  FINCH_PRODUCTS: csv
    .pipe(z.array(z.enum(FINCH_PRODUCTS)))
    .transform((list) => (list.length > 0 ? list : defaultProducts)),
  FINCH_CONNECT_FLOW: z.enum(["session", "classic"]).default("session"),
  FINCH_SANDBOX: z.enum(["finch", "provider", ""]).default(""),
  RESEND_API_KEY: z.string().min(1, "RESEND_API_KEY is required"),
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().min(3).default("Payroll Connections <connections@example.com>"),
  OPERATOR_EMAILS: csv.transform((list) => list.map((email) => email.toLowerCase())),
  // The local hooks inbox (npm start sets it): suggested on the alert settings page, and the one origin
  // alerts may reach over plain http on loopback. Never set it in a real deployment.
  HOOKS_INBOX_URL: z.url().optional(),
  // One alert request's total deadline, however slowly the receiver answers; well under the outbox
  // claim (2 minutes), so a trickling receiver never holds a worker or its claim.
  ALERT_REQUEST_DEADLINE_SECONDS: z.coerce.number().min(0.1).max(60).default(15),
  // Where npm run serve listens (not HOSTNAME: container runtimes set that to the container's name).
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LISTEN_HOST: z.string().min(1).default("0.0.0.0"),
  // What this process runs: "web" serves pages only (enqueues jobs), "worker" runs job workers only
  // (npm run worker), "all" both. JOB_WORKERS=off is the older spelling of ROLE=web.
  ROLE: z.enum(["web", "worker", "all"]).default("all"),
  // Background jobs (pg-boss on DATABASE_URL). "off" makes an instance enqueue only, e.g. a web-only replica.
  JOB_WORKERS: z.enum(["on", "off"]).default("on"),
  // npm run serve applies migrations first (one replica at a time, under an advisory lock); "false" skips it.
  MIGRATE_AT_START: z.enum(["true", "false"]).default("true"),
  // The port of npm run worker's health listener (/api/health, /api/ready, /api/metrics).
  WORKER_HEALTH_PORT: z.coerce.number().int().min(1).max(65535).default(9464),
  // On SIGTERM: how long in-flight requests and running jobs get to finish before the process exits.
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(25),
  // Bearer token for GET /api/metrics; production refuses to expose metrics without one.
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  // Traces over OTLP/HTTP (e.g. http://collector:4318); unset, tracing is off and costs nothing.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default("payroll-connections"),
  // The spans' encoding: protobuf (OTLP's default; a third of JSON's bytes and about half its CPU) or JSON.
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(["http/protobuf", "http/json"]).default("http/protobuf"),
  // How long a finished span waits for its batch's export, in ms (OpenTelemetry's variable; its default is
  // 5000). 1000 here: spans held for 5 s outlived the young generation's collections and cost the traced
  // webhook more collection work (bench/README.md, "One server switched").
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(1).max(60_000).default(1000),
  // Next.js's own spans: "none" (only the product's spans; Next skips its tracing work), "request" (each
  // request's server span: method, route, status) or "all" (every span Next emits). bench/README.md: costs.
  OTEL_NEXT_SPANS: z.enum(["none", "request", "all"]).default("none"),
  // Which traces are kept (OpenTelemetry's variables and names): every one by default; the ratio samplers
  // keep OTEL_TRACES_SAMPLER_ARG of them (0.1: one in ten), "parentbased_" ones follow a kept parent.
  OTEL_TRACES_SAMPLER: z
    .enum([
      "parentbased_always_on",
      "parentbased_always_off",
      "parentbased_traceidratio",
      "always_on",
      "always_off",
      "traceidratio",
    ])
    .default("parentbased_always_on"),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  // Logs: one JSON object a line ("json"), or human-readable ("pretty", what npm start uses).
  LOG_FORMAT: z.enum(["json", "pretty"]).default("json"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // The continuous sweep (lib/connections/schedule-due-sweeps.ts); "off" stops the scheduler (tests).
  SWEEP_CONTINUOUS: z.enum(["on", "off"]).default("on"),
  // Finch calls one sweep keeps in flight at once.
  SWEEP_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  // The Finch call budget every instance shares (lib/finch/budget/): this fraction of Finch's documented
  // limits (per IP 1,000 / 5 min, per product 20 or 12 / min), the rest is headroom.
  FINCH_BUDGET_HEADROOM: z.coerce.number().min(0.1).max(0.95).default(0.8),
  // Share of each limit reserved for interactive calls (code exchange, Sync now, Check status now).
  FINCH_BUDGET_INTERACTIVE_SHARE: z.coerce.number().min(0.05).max(0.9).default(0.25),
  // Finch's per-IP limit for this application, if Finch raised it for you.
  FINCH_BUDGET_IP_LIMIT: z.coerce.number().int().min(10).default(FINCH_RATE_LIMITS.ipLimit),
  // Multiplies every window (tests and benchmarks against a stand-in with scaled windows). Below 1 the
  // product would exceed Finch's real limits, so production refuses it unless LOCAL_RUN is on.
  FINCH_BUDGET_WINDOW_SCALE: z.coerce.number().positive().max(1).default(1),
  // "on" only when this machine's launcher (scripts/lib/local-env.ts) or a benchmark runs the product
  // against the local stand-ins; never in a real deployment. It unlocks the test-only settings above.
  LOCAL_RUN: z.enum(["on", "off"]).default("off"),
  // Continuous sweep: every connection is checked at least this often (hours; decimals allowed).
  SWEEP_TARGET_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(6),
  // How often the sweep scheduler hands due connections to the workers (seconds).
  SWEEP_TICK_SECONDS: z.coerce.number().positive().max(3600).default(15),
  // Days after an incident starts when a still-broken connection earns a reminder email.
  REMINDER_DAYS: csv
    .pipe(z.array(z.coerce.number<string>().positive().max(365)).max(10))
    .transform((days) => (days.length > 0 ? [...new Set(days)].sort((a, b) => a - b) : [3, 7])),
  // How often due reminders are looked for (cron, UTC); a reminder goes out at most this late.
  REMINDER_CRON: cron("*/10 * * * *"),
  // How long an emailed reconnect link keeps working.
  RECONNECT_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // Email sends that fail with a retryable error (429, 5xx, network) wait base × 2^n seconds, up to this many tries.
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  EMAIL_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // A provider outage opens when at least this many of one provider's connections, and this share of
  // them, break within the window; its "needs reconnecting" emails are held until released.
  OUTAGE_MIN_CONNECTIONS: z.coerce.number().int().min(1).default(5),
  OUTAGE_MIN_SHARE: z.coerce.number().min(0).max(1).default(0.2),
  OUTAGE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  // Held emails go out on their own this long after the outage opened.
  OUTAGE_AUTO_RELEASE_HOURS: z.coerce.number().min(0).max(168).default(4),
  // "Resend reconnect email" from the operator console: at most once per organization in this many minutes.
  OPERATOR_RESEND_COOLDOWN_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
  // Emails sent on request: sign-in links per address (a burst, then one per interval), per client IP,
  // invitations per inviter and per invitee (each counted in a fixed window), all in PostgreSQL.
  SIGNIN_EMAILS_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(5),
  SIGNIN_EMAIL_ADDRESS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  SIGNIN_EMAILS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  SIGNIN_EMAIL_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  // Requests per API key (/api/v1) in each minute, counted in PostgreSQL for every instance together.
  API_KEY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  INVITES_PER_INVITER: z.coerce.number().int().min(1).max(10_000).default(20),
  INVITES_PER_INVITEE: z.coerce.number().int().min(1).max(10_000).default(3),
  INVITE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
});

export type Env = z.infer<typeof envSchema>;

/** Settings that are valid alone but not together. */
const checkedEnvSchema = envSchema.superRefine((value, context) => {
  if (value.NODE_ENV === "production" && value.LOCAL_RUN !== "on" && value.FINCH_BUDGET_WINDOW_SCALE !== 1)
    context.addIssue({
      code: "custom",
      path: ["FINCH_BUDGET_WINDOW_SCALE"],
      message: "is for tests and benchmarks only and is refused in production",
    });
});

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Validates a raw environment; the messages name each variable but never echo its value. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ""));
  const result = checkedEnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      return issue.code === "invalid_type" && issue.input === undefined
        ? `${name} is required`
        : `${name}: ${issue.message}`;
    }),
  );
}

/** Whether this process runs the job workers (ROLE, or the older JOB_WORKERS=off for a web-only one). */
export function runsJobWorkers(config: Pick<Env, "ROLE" | "JOB_WORKERS">): boolean {
  return config.ROLE !== "web" && config.JOB_WORKERS !== "off";
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
