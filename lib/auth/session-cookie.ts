// next-auth's session cookie as next-auth itself sets it (core/lib/cookie.js): the name, and the
// attributes, with the __Secure- prefix and the Secure flag whenever the public URL is https.
import { env } from "@/lib/env";

export interface SessionCookie {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; expires: Date };
}

/** Whether next-auth uses secure cookies here: the same rule as `useSecureCookies` in options.ts. */
export function usesSecureCookies(appUrl: string = env().APP_URL): boolean {
  return appUrl.startsWith("https://");
}

/** next-auth's cookie name: the __Secure- one when the app is served over https. */
export function sessionCookieName(appUrl: string = env().APP_URL): string {
  return usesSecureCookies(appUrl) ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The cookie that carries a database session's token, exactly as next-auth's email callback sets it. */
export function sessionCookie(
  sessionToken: string,
  expires: Date,
  appUrl: string = env().APP_URL,
): SessionCookie {
  return {
    name: sessionCookieName(appUrl),
    value: sessionToken,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: usesSecureCookies(appUrl), expires },
  };
}
