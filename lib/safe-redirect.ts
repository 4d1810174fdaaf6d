/** Keeps redirects on our own origin: only a local path ("/x", not "//x" or a full URL) passes. */
export function safeLocalPath(candidate: string | string[] | undefined, fallback = "/"): string {
  const value = Array.isArray(candidate) ? candidate[0] : candidate;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
