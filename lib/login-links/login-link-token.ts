// A login link's secret: 32 random bytes in the URL (APP_URL/login-link/<token>), only their SHA-256
// in the database; the link's lifetime, and where a link that cannot sign anyone in lands.
import crypto from "node:crypto";

export const LOGIN_LINK_TTL_SECONDS = 5 * 60;

/** Where a used, expired or unknown link lands: the sign-in page, with a notice saying so. */
export const LINK_EXPIRED_PATH = "/login?notice=link-expired";
/** Where a person who belongs to another organization lands: a page saying so, nobody signed in. */
export const OTHER_ORGANIZATION_PATH = "/login/other-organization";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function generateLoginLinkToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLoginLinkToken(token) };
}

export function hashLoginLinkToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Whether a path segment has a token's shape (anything else is never looked up). */
export function isLoginLinkToken(value: string): boolean {
  return TOKEN.test(value);
}

export function loginLinkUrl(token: string, appUrl: string): string {
  return new URL(`/login-link/${token}`, appUrl).toString();
}
