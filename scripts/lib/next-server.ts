// How every launcher runs the app's server (`npm start`, extra instances, the benchmarks): `next start`
// under the same Node flags, so what is measured is what runs.
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * V8's young generation at 32 MB a half instead of 16: a server-rendered page allocates enough per
 * request that the default size collects and promotes often, and garbage collection weighed on the
 * dashboard's CPU (the A/B and the memory it costs: bench/README.md).
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
