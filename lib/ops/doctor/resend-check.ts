// Is RESEND_API_KEY accepted, and is EMAIL_FROM's domain verified? Read from Resend's domains API
// (GET /domains), which changes nothing. A sending-only key cannot list domains: the doctor says so.
import { fail, pass, raw, type CheckResult, type RawEnv } from "./check-result";

const domainSchema = (value: unknown): { name: string; status: string }[] => {
  const data = (value as { data?: unknown })?.data;
  if (!Array.isArray(data)) return [];
  return data.filter(
    (item): item is { name: string; status: string } =>
      typeof item?.name === "string" && typeof item?.status === "string",
  );
};

/** The domain of an EMAIL_FROM such as "Payroll Connections <connections@example.com>". */
export function emailFromDomain(from: string): string | null {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const at = address.lastIndexOf("@");
  return at > 0
    ? address
        .slice(at + 1)
        .trim()
        .toLowerCase()
    : null;
}

export async function checkResend(env: RawEnv): Promise<CheckResult[]> {
  const base = raw(env, "RESEND_BASE_URL", "https://api.resend.com").replace(/\/+$/, "");
  let response: Response;
  try {
    response = await fetch(`${base}/domains`, {
      headers: { authorization: `Bearer ${raw(env, "RESEND_API_KEY")}` },
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return [fail("Resend key", `cannot reach Resend at ${base}`)];
  }
  if (response.status === 401 || response.status === 403) {
    const body = (await response.json().catch(() => ({}))) as { name?: string };
    return [
      fail(
        "Resend key",
        body.name === "restricted_api_key"
          ? "RESEND_API_KEY is a sending-only key: give the doctor a full-access key to check domains"
          : "Resend refused RESEND_API_KEY",
      ),
    ];
  }
  if (!response.ok)
    return [fail("Resend key", `unexpected answer ${response.status} from GET ${base}/domains`)];
  const domains = domainSchema(await response.json().catch(() => null));
  const results = [pass("Resend key", "accepted (GET /domains)")];
  const from = raw(env, "EMAIL_FROM", "Payroll Connections <connections@example.com>");
  const wanted = emailFromDomain(from);
  const found = domains.find((domain) => domain.name.toLowerCase() === wanted);
  if (!wanted) results.push(fail("EMAIL_FROM domain", "EMAIL_FROM has no address with a domain"));
  else if (!found)
    results.push(fail("EMAIL_FROM domain", `${wanted} is not a domain of this Resend account`));
  else if (found.status !== "verified")
    results.push(fail("EMAIL_FROM domain", `${wanted} is ${found.status} in Resend: finish its DNS records`));
  else results.push(pass("EMAIL_FROM domain", `${wanted} is verified`));
  return results;
}
