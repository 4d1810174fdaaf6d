// Handlers return a Reply value and the kit writes it, so route code never touches the socket.
import type { ServerResponse } from "node:http";

export type Reply =
  | { kind: "json"; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: "text"; status: number; text: string; contentType: string; headers?: Record<string, string> }
  | { kind: "redirect"; status: 302 | 303; location: string };

export const json = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({
  kind: "json",
  status,
  body,
  headers,
});

/** An HTML page; never cached, since every page shows live state. */
export const html = (markup: string, status = 200, headers?: Record<string, string>): Reply => ({
  kind: "text",
  status,
  text: markup,
  contentType: "text/html; charset=utf-8",
  headers: { "cache-control": "no-store", ...headers },
});

export const text = (body: string, contentType = "text/plain", headers?: Record<string, string>): Reply => ({
  kind: "text",
  status: 200,
  text: body,
  contentType,
  headers,
});

export const redirect = (location: string, status: 302 | 303 = 302): Reply => ({
  kind: "redirect",
  status,
  location,
});

export interface WriteOptions {
  /** Resend sends a charset with its JSON; Finch does not. */
  jsonContentType: string;
}

export function writeReply(res: ServerResponse, reply: Reply, options: WriteOptions): void {
  if (reply.kind === "redirect") {
    res.writeHead(reply.status, { location: reply.location, "cache-control": "no-store" });
    res.end();
    return;
  }
  const payload = reply.kind === "json" ? JSON.stringify(reply.body) : reply.text;
  res.writeHead(reply.status, {
    ...reply.headers,
    "content-type": reply.kind === "json" ? options.jsonContentType : reply.contentType,
    "content-length": Buffer.byteLength(payload),
  });
  res.end(payload);
}
