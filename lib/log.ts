// Logging that cannot leak secrets: errors are reduced to their class, message and code, and anything
// that looks like a bearer token or key is masked.
const SECRET_PATTERNS = [
  /Bearer\s+[\w.~+/=-]+/gi,
  /Basic\s+[\w+/=]+/gi,
  /\bre_[\w]+/g,
  /access_token["':=\s]+[\w-]+/gi,
];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, "[redacted]"), text);
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = "code" in error && typeof error.code === "string" ? ` [${error.code}]` : "";
    const cause = error.cause ? ` (cause: ${describeError(error.cause)})` : "";
    return redact(`${error.constructor.name}${code}: ${error.message}${cause}`);
  }
  return redact(String(error));
}

export function logError(context: string, error?: unknown): void {
  console.error(`[error] ${context}${error === undefined ? "" : `: ${describeError(error)}`}`);
}

export function logInfo(message: string): void {
  console.log(`[info] ${redact(message)}`);
}
