// Runs the app as production runs it (npm run serve / npm run worker, from the build) in child
// processes for integration tests: free ports, output kept for the failure message, waiting for
// readiness, and stopping with SIGTERM while reading the exit code.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { waitFor } from "./wait-for";

const ROOT = path.resolve(__dirname, "..");

export interface AppProcess {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then the exit code (null if it had to be killed after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startAppProcess(
  name: string,
  kind: "serve" | "worker",
  env: NodeJS.ProcessEnv,
): Promise<AppProcess> {
  const port = await freePort();
  const portVariable = kind === "serve" ? { PORT: String(port) } : { WORKER_HEALTH_PORT: String(port) };
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", `${kind}.ts`)], {
    cwd: ROOT,
    env: { ...env, ...portVariable, LISTEN_HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited early:\n${output}`);
      const response = await fetch(`${url}/api/ready`).catch(() => null);
      return response?.status ?? 0;
    },
    (status) => status === 200,
    60_000,
    200,
  );
  return {
    name,
    port,
    url,
    child,
    output: () => output,
    async stop(timeoutMs = 40_000) {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
