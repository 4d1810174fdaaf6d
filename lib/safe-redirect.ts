// Decides whether a redirect target stays on our site: resolve it against APP_URL the way a browser
// would and compare origins. Control characters and backslashes are refused outright, because
// browsers strip or reinterpret them (`/\tevil`, `/\evil` become `//evil`), and so is any path that
// a browser would read as protocol-relative once dot segments are gone (`/.//evil` becomes `//evil`).
import { env } from "@/lib/env";

// Unicode spaces and full-width dots that browsers fold into ASCII ("\u3002" becomes ".").
const FOLDED = new Set([0x00a0, 0x1680, 0x205f, 0x3000, 0x3002, 0xfeff, 0xff0e, 0xff61]);

/** C0 and C1 controls, DEL, the backslash, and characters a browser folds away or reinterprets. */
function hasUnsafeCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || char === "\\") return true;
    if ((code >= 0x2000 && code <= 0x200f) || (code >= 0x2028 && code <= 0x202f) || FOLDED.has(code))
      return true;
  }
  return false;
}

/**
 * The same-origin path (pathname + search + hash) a candidate points at, or null when it leaves the
 * site, is not a string, or carries characters a browser could reinterpret. Never throws.
 */
export function sameOriginPath(candidate: unknown, base: string = env().APP_URL): string | null {
  const value = Array.isArray(candidate) ? candidate[0] : candidate;
  if (typeof value !== "string" || value === "" || value.length > 2048) return null;
  if (hasUnsafeCharacter(value)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  // An encoded control character or backslash would come back once the target page decodes it.
  if (hasUnsafeCharacter(decoded)) return null;
  const path = resolvePath(value, base);
  // Checked decoded too: `/.%2F/evil` is `/.//evil` once a page decodes it and redirects again.
  if (path === null || resolvePath(decoded, base) === null) return null;
  return path;
}

/** A path starting `//` or `/\` is another host to a browser, whatever the dot segments were. */
const isProtocolRelative = (path: string) => /^[/\\][/\\]/.test(path);

/** The candidate resolved against base: its path when it stays on base's origin, else null. */
function resolvePath(value: string, base: string): string | null {
  let resolved: URL;
  try {
    resolved = new URL(value, base);
    if (resolved.origin !== new URL(base).origin) return null;
  } catch {
    return null;
  }
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return isProtocolRelative(path) ? null : path;
}

/** A local path for a redirect parameter (`callbackUrl`, `returnTo`, `next`), or the fallback. */
export function safeLocalPath(
  candidate: unknown,
  { fallback = "/", base }: { fallback?: string; base?: string } = {},
): string {
  return sameOriginPath(candidate, base) ?? fallback;
}

/** next-auth's `redirect` callback: an absolute URL on baseUrl, or baseUrl itself. Never throws. */
export function safeAuthRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const path = sameOriginPath(url, baseUrl);
  if (path === null) return baseUrl;
  try {
    return new URL(path, baseUrl).toString();
  } catch {
    return baseUrl;
  }
}
