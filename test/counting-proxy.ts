// A loopback HTTP proxy for tests: forwards to a target, counts requests in flight per path, and
// can answer some requests itself (to play Finch answers the stand-in never gives).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ProxyAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface CountingProxy {
  url: string;
  /** Where requests go, e.g. the Finch stand-in's URL. */
  target: string;
  /** Most requests in flight at once, per path, since the last reset(). */
  maxInFlight: Map<string, number>;
  /** Requests seen per path since the last reset(). */
  calls: Map<string, number>;
  /** Return an answer to short-circuit a request (seen with its Authorization header). */
  override?: (path: string, authorization: string | undefined) => ProxyAnswer | undefined;
  reset(): void;
  close(): Promise<void>;
}

export async function startCountingProxy(): Promise<CountingProxy> {
  const inFlight = new Map<string, number>();
  const proxy: CountingProxy = {
    url: "",
    target: "",
    maxInFlight: new Map(),
    calls: new Map(),
    reset() {
      proxy.maxInFlight.clear();
      proxy.calls.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://proxy.invalid").pathname;
    const now = (inFlight.get(path) ?? 0) + 1;
    inFlight.set(path, now);
    proxy.maxInFlight.set(path, Math.max(proxy.maxInFlight.get(path) ?? 0, now));
    proxy.calls.set(path, (proxy.calls.get(path) ?? 0) + 1);
    const done = () => inFlight.set(path, (inFlight.get(path) ?? 1) - 1);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      try {
        const answer = proxy.override?.(path, req.headers.authorization);
        if (answer) {
          res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
          res.end(JSON.stringify(answer.body));
          return;
        }
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers))
          if (typeof value === "string" && name !== "host") headers.set(name, value);
        const upstream = await fetch(`${proxy.target}${req.url ?? "/"}`, {
          method: req.method,
          headers,
          body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
        });
        const outHeaders: Record<string, string> = {};
        upstream.headers.forEach((value, name) => {
          if (!["content-encoding", "content-length", "transfer-encoding", "connection"].includes(name))
            outHeaders[name] = value;
        });
        res.writeHead(upstream.status, outHeaders);
        res.end(Buffer.from(await upstream.arrayBuffer()));
      } catch {
        res.writeHead(502);
        res.end();
      } finally {
        done();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
