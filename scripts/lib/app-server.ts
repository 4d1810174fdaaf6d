// The production HTTP server of npm run serve and npm run worker: Next.js in this process (so SIGTERM
// is ours to handle), optionally answering only some paths (the worker's health listener).
import http from "node:http";
import path from "node:path";
import next from "next";
import { isShuttingDown } from "../../lib/ops/lifecycle";

const ROOT = path.resolve(__dirname, "..", "..");

export interface AppServerOptions {
  port: number;
  hostname: string;
  /** When set, every other path gets a 404 without reaching the app. */
  onlyPaths?: string[];
}

export async function startAppServer({ port, hostname, onlyPaths }: AppServerOptions): Promise<http.Server> {
  const app = next({ dev: false, dir: ROOT, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((request, response) => {
    // Once stopping, keep-alive connections close after their current answer.
    if (isShuttingDown()) response.setHeader("Connection", "close");
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (onlyPaths && !onlyPaths.includes(pathname)) {
      response.writeHead(404, { "Content-Type": "application/json" }).end('{"error":"Not found."}');
      return;
    }
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  return server;
}

/** Stops accepting connections and resolves once in-flight requests are answered (or at the deadline). */
export function drainServer(server: http.Server, deadline: number): Promise<"drained" | "late"> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const late = setTimeout(
      () => {
        clearInterval(idle);
        server.closeAllConnections();
        resolve("late");
      },
      Math.max(0, deadline - Date.now()),
    );
    server.close(() => {
      clearInterval(idle);
      clearTimeout(late);
      resolve("drained");
    });
  });
}
