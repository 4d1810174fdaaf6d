// The headers every response carries: a Content Security Policy allowing exactly what the app needs,
// no framing, no MIME sniffing, no referrer on pages whose URL carries a token, HSTS over https.
export interface SecuritySettings {
  appUrl: string;
  finchBaseUrl: string;
  finchConnectUrl: string;
  resendBaseUrl?: string;
  production: boolean;
}

const originOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

/** Production over https: HSTS and upgraded requests. */
const servesHttps = (settings: Pick<SecuritySettings, "appUrl" | "production">) =>
  settings.production && settings.appUrl.startsWith("https://");

// Paths whose URL carries a secret (reconnect and email-preference tokens, the magic link, login links).
const TOKEN_PATHS = [
  /^\/reconnect\//,
  /^\/login-link\//,
  /^\/email\//,
  /^\/api\/email\//,
  /^\/api\/auth\//,
  /^\/api\/reconnect-links\//,
];

/**
 * Scripts and styles allow 'unsafe-inline' because Next.js inlines its bootstrap and the pages are not
 * all rendered per request (a nonce needs every page dynamic). Everything else is an allow-list: no
 * plugins, no foreign scripts, forms and <base> only to us, frames only from Finch Connect.
 */
export function contentSecurityPolicy(settings: SecuritySettings): string {
  const connectSources = [
    "'self'",
    ...new Set(
      [settings.appUrl, settings.finchBaseUrl, settings.finchConnectUrl, settings.resendBaseUrl]
        .map(originOf)
        .filter((origin): origin is string => origin !== null),
    ),
  ];
  const frameSource = originOf(settings.finchConnectUrl) ?? "'none'";
  const scripts = settings.production ? "'self' 'unsafe-inline'" : "'self' 'unsafe-inline' 'unsafe-eval'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connectSources.join(" ")}`,
    `frame-src ${frameSource}`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    ...(servesHttps(settings) ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** True for a path whose URL carries a secret: its responses send no referrer. */
export function carriesToken(pathname: string): boolean {
  return TOKEN_PATHS.some((pattern) => pattern.test(pathname));
}

/** What every answer carries, page or JSON: no framing, no MIME sniffing, HSTS over https. */
function commonHeaders(settings: Pick<SecuritySettings, "appUrl" | "production">): [string, string][] {
  return [
    ["X-Frame-Options", "DENY"],
    ["X-Content-Type-Options", "nosniff"],
    ...(servesHttps(settings)
      ? [["Strict-Transport-Security", "max-age=31536000; includeSubDomains"] as [string, string]]
      : []),
  ];
}

/**
 * For a JSON route that skips the proxy (the dashboard's poll): no content may load from it and it may
 * not be framed or sniffed. Its answers are per-user JSON, never a page.
 */
export function jsonSecurityHeaders(
  settings: Pick<SecuritySettings, "appUrl" | "production">,
): [string, string][] {
  return [
    ["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"],
    ["Referrer-Policy", "no-referrer"],
    ...commonHeaders(settings),
  ];
}

/** Header name/value pairs for a response to `pathname`. */
export function securityHeaders(pathname: string, settings: SecuritySettings): [string, string][] {
  return [
    ["Content-Security-Policy", contentSecurityPolicy(settings)],
    ["Referrer-Policy", carriesToken(pathname) ? "no-referrer" : "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"],
    ["Cross-Origin-Opener-Policy", "same-origin-allow-popups"],
    ...commonHeaders(settings),
  ];
}
