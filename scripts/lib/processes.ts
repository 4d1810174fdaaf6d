// Child-process bookkeeping for the launcher and the benchmarks: every child is stopped on exit, Ctrl-C
// or a crash, the same way (SIGTERM, then SIGKILL after a grace period).
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import net from "node:net";

const children = new Set<ChildProcess>();

export function startChild(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions = {},
): ChildProcess {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
  children.add(child);
  const prefix = (line: string) => `[${name}] ${line}`;
  const forward = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    stream?.setEncoding("utf8");
    let rest = "";
    stream?.on("data", (chunk: string) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) out.write(prefix(line) + "\n");
    });
  };
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  child.on("exit", () => children.delete(child));
  return child;
}

/** Runs a command to completion, streaming its output; rejects on a non-zero exit. */
export function run(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startChild(name, command, args, options);
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${name} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Stops one child: SIGTERM, then SIGKILL if it has not exited after `graceMs`. Resolves once it exited. */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    timer.unref();
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child)));
}

export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} for ${what} is already in use. Stop whatever holds it, or set ${variable} to another port.`,
    );
  }
}

export async function waitForPort(port: number, host = "127.0.0.1", timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`Nothing answered on ${host}:${port} after ${timeoutMs / 1000}s`);
}
