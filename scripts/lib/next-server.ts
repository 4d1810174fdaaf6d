// How every launcher runs the app's server (`npm start`, extra instances, the benchmarks): `next start`
// under the same Node flags, so what is measured is what runs.
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * V8's young generation at 32 MB a half instead of 16: a server-rendered page allocates a few hundred
 * kB per request, and the default size collected and promoted so often that garbage collection was a
 * tenth of the dashboard's CPU. Measured on 2 cores under load: about 10% less CPU per dashboard
 * request, at most about 50 MB more memory (bench/README.md).
 */
export const NEXT_SERVER_NODE_FLAGS = ["--max-semi-space-size=32"];

/** The arguments for `process.execPath` that start the built app on a port (and host, when given). */
export function nextStartArgs(port: number, host?: string): string[] {
  return [
    ...NEXT_SERVER_NODE_FLAGS,
    path.join(ROOT, "node_modules", "next", "dist", "bin", "next"),
    "start",
    ...(host ? ["-H", host] : []),
    "-p",
    String(port),
  ];
}
