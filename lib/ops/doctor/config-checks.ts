// The doctor's checks that need nothing but the configuration: every variable present and well formed,
// the webhook secret's form, APP_URL's scheme in production, the metrics token.
import { EnvError, parseEnv } from "@/lib/env";
import { fail, pass, raw, type CheckResult, type RawEnv } from "./check-result";

export function checkVariables(env: RawEnv): CheckResult[] {
  try {
    parseEnv(env);
    return [pass("configuration", "every variable is present and well formed")];
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return error.problems.map((problem) => fail("configuration", problem));
  }
}

export function checkWebhookSecret(env: RawEnv): CheckResult {
  const name = "Finch webhook secret";
  const secret = raw(env, "FINCH_WEBHOOK_SECRET");
  if (!secret)
    return fail(name, "FINCH_WEBHOOK_SECRET is not set (Finch dashboard → Webhooks → signing secret)");
  const decoded = Buffer.from(secret, "base64");
  if (decoded.toString("base64") !== secret || decoded.length < 16)
    return fail(
      name,
      "FINCH_WEBHOOK_SECRET must be the base64 secret exactly as the Finch dashboard shows it",
    );
  return pass(name, `FINCH_WEBHOOK_SECRET is base64 (${decoded.length} bytes)`);
}

export function checkAppUrl(env: RawEnv): CheckResult {
  const name = "APP_URL";
  const production = raw(env, "NODE_ENV") === "production";
  let url: URL;
  try {
    url = new URL(raw(env, "APP_URL", "http://localhost:3000"));
  } catch {
    return fail(name, "APP_URL is not a URL");
  }
  if (production && url.protocol !== "https:")
    return fail(
      name,
      `APP_URL must be https in production (Finch Connect redirects and secure cookies need it)`,
    );
  return pass(name, `${url.origin}${production ? " (https)" : " (not production: http allowed)"}`);
}

export function checkMetricsToken(env: RawEnv): CheckResult {
  const token = raw(env, "METRICS_TOKEN");
  if (!token) return fail("metrics token", "METRICS_TOKEN is not set: /api/metrics stays off in production");
  if (token.length < 16) return fail("metrics token", "METRICS_TOKEN must be at least 16 characters");
  return pass("metrics token", "METRICS_TOKEN is set; scrape /api/metrics with Authorization: Bearer");
}
