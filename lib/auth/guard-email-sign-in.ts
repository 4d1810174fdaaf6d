// Runs before next-auth handles a magic-link request (POST /api/auth/signin/email): the address must
// be a bare one, and past the limits the answer is the usual "check your email" with nothing sent.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { logInfo } from "@/lib/log";
import { parseEmailAddress } from "./email-address";
import { consumeSignInEmailLimit } from "./sign-in-email-limits";

/** next-auth posts forms (`json=true` from its client); anything else has no email to check. */
async function readForm(request: NextRequest): Promise<Record<string, string> | null> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/x-www-form-urlencoded"))
      return Object.fromEntries(new URLSearchParams(await request.clone().text()));
    if (type.includes("application/json")) {
      const body: unknown = await request.clone().json();
      return body && typeof body === "object" ? (body as Record<string, string>) : null;
    }
  } catch {
    return null;
  }
  return null;
}

/** What next-auth answers after sending a link, so a refused request looks the same. */
function answer(form: Record<string, string>, path: string, status: number, extra: object = {}) {
  const url = new URL(path, env().APP_URL).toString();
  if (form.json === "true") return NextResponse.json({ url, ...extra }, { status });
  return status === 200 ? NextResponse.redirect(url, 302) : NextResponse.json({ url, ...extra }, { status });
}

/** A response that replaces next-auth's, or null to let next-auth handle the request. */
export async function guardEmailSignIn(request: NextRequest, action: string[]): Promise<Response | null> {
  if (request.method !== "POST" || action[0] !== "signin" || action[1] !== "email") return null;
  const form = await readForm(request);
  if (!form)
    return NextResponse.json({ error: "Send the sign-in form.", code: "bad_request" }, { status: 400 });
  const address = parseEmailAddress(form.email);
  if (address.kind === "invalid")
    return answer(form, "/login/error?error=EmailInvalid", 400, {
      error: address.message,
      code: "bad_request",
    });
  const verdict = await consumeSignInEmailLimit({ email: address.email, ip: clientIp(request.headers) });
  if (verdict.allowed) return null;
  logInfo(`sign-in email refused by rate limit (retry in ${verdict.retryAfterSeconds}s)`);
  return answer(form, "/api/auth/verify-request?provider=email&type=email", 200);
}
