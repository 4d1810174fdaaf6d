// Are FINCH_CLIENT_ID and FINCH_CLIENT_SECRET accepted? Asked without side effects: POST /auth/token with
// a made-up code. Finch checks the client credentials before the code, so a refused code (400
// invalid_grant) means the credentials passed, and 401 invalid_client means they did not; no token is issued.
import { fail, pass, raw, type CheckResult, type RawEnv } from "./check-result";

const NAME = "Finch credentials";

export async function checkFinchCredentials(env: RawEnv): Promise<CheckResult> {
  const base = raw(env, "FINCH_BASE_URL", "https://api.tryfinch.com").replace(/\/+$/, "");
  let response: Response;
  try {
    response = await fetch(`${base}/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json", "finch-api-version": "2020-09-17" },
      body: JSON.stringify({
        client_id: raw(env, "FINCH_CLIENT_ID"),
        client_secret: raw(env, "FINCH_CLIENT_SECRET"),
        code: "npm-run-doctor-made-up-code",
      }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return fail(NAME, `cannot reach Finch at FINCH_BASE_URL (${base})`);
  }
  if (response.status === 401)
    return fail(
      NAME,
      "Finch refused FINCH_CLIENT_SECRET (or FINCH_CLIENT_ID): copy both from the Finch dashboard",
    );
  if (response.status === 400)
    return pass(NAME, "accepted (POST /auth/token with a made-up code: refused code, no token issued)");
  return fail(NAME, `unexpected answer ${response.status} from POST ${base}/auth/token`);
}
