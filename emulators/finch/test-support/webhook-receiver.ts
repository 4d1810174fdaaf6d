// A local endpoint standing in for the app's Finch webhook handler in the stand-in's tests.
import { createServer, type IncomingHttpHeaders } from "node:http";
import { closeServer, listen, serverUrl } from "../../shared/http/listen";
import { waitFor } from "@/test/wait-for";

export interface ReceivedWebhook {
  body: string;
  headers: IncomingHttpHeaders;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status codes to answer with, in order; 200 once the list runs out. */
  respondWith: number[];
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** A local endpoint that records every webhook it gets, standing in for the app's handler. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const receiver: Omit<WebhookReceiver, "url"> & { url: string } = {
    url: "",
    received,
    respondWith: [],
    waitFor: (count, timeoutMs = 5_000) =>
      waitFor(
        async () => received,
        (list) => list.length >= count,
        timeoutMs,
        10,
      ),
    close: () => closeServer(server),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(receiver.respondWith.shift() ?? 200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  const port = await listen(server, "127.0.0.1", 0, "The webhook receiver");
  receiver.url = `${serverUrl("127.0.0.1", port)}/api/finch/webhook`;
  return receiver;
}
