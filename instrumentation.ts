// Runs once when a server instance starts: refuse to serve with missing or malformed configuration.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  env();
}
