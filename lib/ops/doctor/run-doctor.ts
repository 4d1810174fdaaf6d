// npm run doctor's checks, in order; each yields one or more ✓/✗ lines.
import { checkResend } from "./resend-check";
import { checkAppUrl, checkMetricsToken, checkVariables, checkWebhookSecret } from "./config-checks";
import { checkDatabaseReady, checkTokenKeys } from "./database-checks";
import { checkFinchCredentials } from "./finch-credentials-check";
import type { CheckResult, RawEnv } from "./check-result";

export async function runDoctor(env: RawEnv): Promise<CheckResult[]> {
  return [
    ...checkVariables(env),
    await checkDatabaseReady(env),
    await checkFinchCredentials(env),
    ...(await checkResend(env)),
    checkWebhookSecret(env),
    checkAppUrl(env),
    await checkTokenKeys(env),
    checkMetricsToken(env),
  ];
}

export function formatCheck({ ok, name, detail }: CheckResult): string {
  return `${ok ? "✓" : "✗"} ${name}: ${detail}`;
}
