// The one way alerts leave the app. In production: https only, and the address actually connected to
// is checked after DNS resolution (inside the socket's lookup, so a name cannot resolve to a public
// address for the check and a private one for the connection). Redirects are never followed; every
// request has an idle timeout and one total deadline (a receiver trickling bytes cannot hold a worker
// past it), and reads at most a few kilobytes of the answer.
import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { AppError } from "@/lib/errors";
import { isPublicAddress } from "./address-policy";

export interface SafePostOptions {
  url: string;
  body: string;
  headers?: Record<string, string>;
  /** Production rules (https, public addresses only). Locally the stand-ins on 127.0.0.1 are allowed. */
  strict: boolean;
  /** Idle timeout: no byte for this long ends the request. */
  timeoutMs?: number;
  /**
   * Total deadline, however bytes trickle in: the request and its answer are cut when it passes. A
   * 2xx status that arrived before it counts as delivered; no status by then is a retryable failure.
   */
  deadlineMs?: number;
  maxResponseBytes?: number;
}

export interface SafePostResult {
  status: number;
  body: string;
}

const fail = (internal: string, retryable: boolean, retryAfterSeconds?: number) =>
  new AppError("upstream_unavailable", "The alert could not be delivered.", {
    internal,
    retryable,
    retryAfterSeconds,
  });

/** A refused destination: a configuration problem that retrying cannot fix. */
export class DestinationRefusedError extends AppError {
  constructor(reason: string) {
    super("bad_request", reason, { internal: `destination refused: ${reason}`, retryable: false });
  }
}

/** Checks the URL itself (scheme, literal addresses); the resolved address is checked at connect time. */
export function checkDestinationUrl(raw: string, strict: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DestinationRefusedError("Enter a full URL, starting with https://.");
  }
  if (url.username || url.password) throw new DestinationRefusedError("The URL must not contain a password.");
  if (strict ? url.protocol !== "https:" : !["https:", "http:"].includes(url.protocol))
    throw new DestinationRefusedError("The URL must start with https://.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (
    strict &&
    (host === "localhost" || host.endsWith(".localhost") || (isIPLiteral(host) && !isPublicAddress(host)))
  )
    throw new DestinationRefusedError("The URL must point at a public internet address.");
  return url;
}

const isIPLiteral = (host: string) => /^[\d.]+$/.test(host) || host.includes(":");

/** The socket's DNS lookup in production: every address the name resolves to must be public. */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 4);
    const list = addresses as dns.LookupAddress[];
    const refused = list.find((entry) => !isPublicAddress(entry.address));
    if (refused || list.length === 0)
      return callback(
        new DestinationRefusedError("The URL resolves to a private or reserved address."),
        "",
        4,
      );
    if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

export async function safePost({
  url: raw,
  body,
  headers = {},
  strict,
  timeoutMs = 10_000,
  deadlineMs = 15_000,
  maxResponseBytes = 16 * 1024,
}: SafePostOptions): Promise<SafePostResult> {
  const url = checkDestinationUrl(raw, strict);
  const client = url.protocol === "https:" ? https : http;
  let deadline: NodeJS.Timeout | undefined;
  return new Promise<SafePostResult>((resolve, reject) => {
    // Once a status has arrived, the deadline settles with it; before that, it fails the request.
    let cutAnswer: (() => void) | undefined;
    const request = client.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "PayrollConnections-Alerts/1",
          ...headers,
        },
        timeout: timeoutMs,
        ...(strict && { lookup: guardedLookup }),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= maxResponseBytes) chunks.push(chunk);
          // Enough read: whatever else the receiver sends is not our concern.
          else response.destroy();
        });
        const settle = () => {
          const text = Buffer.concat(chunks).toString("utf8").slice(0, maxResponseBytes);
          if (status >= 200 && status < 300) return resolve({ status, body: text });
          if (status >= 300 && status < 400)
            return reject(fail(`answered ${status} (redirects are not followed)`, false));
          const retryAfter = Number(response.headers["retry-after"]);
          const retryable = status === 408 || status === 429 || status >= 500;
          reject(fail(`answered ${status}`, retryable, Number.isFinite(retryAfter) ? retryAfter : undefined));
        };
        cutAnswer = () => {
          settle();
          response.destroy();
        };
        response.on("end", settle);
        response.on("close", settle);
        response.on("error", () => settle());
      },
    );
    request.on("timeout", () => request.destroy(fail(`no answer within ${timeoutMs} ms`, true)));
    deadline = setTimeout(() => {
      if (cutAnswer) return cutAnswer();
      request.destroy(fail(`no answer within the ${deadlineMs} ms deadline`, true));
    }, deadlineMs);
    request.on("error", (error) =>
      reject(
        error instanceof AppError
          ? error
          : fail(`could not connect: ${(error as NodeJS.ErrnoException).code ?? error.message}`, true),
      ),
    );
    request.end(body);
  }).finally(() => clearTimeout(deadline));
}
