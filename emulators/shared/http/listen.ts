// Starting and stopping a stand-in's HTTP server, with a clear message when the port is taken.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Listens and resolves with the port (0 picks a free one). */
export function listen(server: Server, host: string, port: number, label: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === "EADDRINUSE" ? `port ${port} on ${host} is already in use` : error.message;
      reject(new Error(`${label} could not start: ${reason}`));
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A wildcard bind is reachable on loopback; IPv6 literals need brackets in a URL. */
export function serverUrl(host: string, port: number): string {
  if (host === "0.0.0.0" || host === "") return `http://127.0.0.1:${port}`;
  if (host === "::") return `http://[::1]:${port}`;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** Closes the server, dropping keep-alive sockets (the SDKs' fetch would otherwise hold it open). */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
