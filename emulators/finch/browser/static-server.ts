// Serves the built react-connect harness for the browser tests.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { closeServer, listen, serverUrl } from "../../shared/http/listen";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a built folder on its own port, so the harness runs on a different origin from the emulator. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://harness.invalid").pathname;
    const file = path.join(root, pathname === "/" ? "index.html" : path.normalize(pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" })
          .end(body),
      () => res.writeHead(404).end("not found"),
    );
  });
  const port = await listen(server, "127.0.0.1", 0, "The harness server");
  return { url: serverUrl("127.0.0.1", port), close: () => closeServer(server) };
}
