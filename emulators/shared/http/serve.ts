// The request loop every stand-in runs: parse the URL, find the route, read the body, let the
// stand-in guard the call (faults, rate limits), run the handler, write its Reply, log one line.
// Errors become replies through the stand-in's own error shape; the unexpected ones are logged.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "./body";
import { HttpProblem } from "./http-problem";
import { writeReply, type Reply } from "./reply";
import { findRoute, normalizePath, type Route, type RouteRequest } from "./router";

export interface StandInHttpOptions<Req extends RouteRequest, R extends Route<Req>> {
  /** Names the stand-in in its log lines. */
  label: string;
  routes: readonly R[];
  maxBodyBytes: number;
  jsonContentType: string;
  /** What the stand-in adds to each request (e.g. Finch's request id, also sent as a header). */
  extend: (req: RouteRequest, res: ServerResponse) => Req;
  /** Runs after routing and before the handler; may throw the stand-in's own errors. */
  guard?: (route: R, req: Req, incoming: IncomingMessage) => void | Promise<void>;
  /** The stand-in's body for a kit problem (404, 405, malformed JSON…). */
  problemReply: (problem: HttpProblem) => Reply;
  /** The stand-in's reply for one of its own errors; null for anything unexpected. */
  errorReply: (error: unknown) => Reply | null;
  /** The generic 500 in the stand-in's shape. */
  serverErrorReply: () => Reply;
  log: (line: string) => void;
}

/** Origin-form targets ("/path?query") are joined, not resolved, so "//x" stays a path instead of a host. */
function requestUrl(target: string | undefined): URL {
  try {
    return target?.startsWith("/") ? new URL(`http://stand-in.invalid${target}`) : new URL(target ?? "/");
  } catch {
    return new URL("http://stand-in.invalid/__unparseable__");
  }
}

export function standInRequestHandler<Req extends RouteRequest, R extends Route<Req>>(
  options: StandInHttpOptions<Req, R>,
): (incoming: IncomingMessage, res: ServerResponse) => void {
  const { label, log } = options;

  async function answer(incoming: IncomingMessage, res: ServerResponse): Promise<Reply> {
    const method = incoming.method ?? "GET";
    const url = requestUrl(incoming.url);
    const path = normalizePath(url.pathname);
    const base: RouteRequest = { method, url, path, params: {}, headers: incoming.headers, rawBody: "" };
    const req = options.extend(base, res);
    try {
      const { route, params } = findRoute(options.routes, method, path);
      req.params = params;
      if (method !== "GET") req.rawBody = await readBody(incoming, options.maxBodyBytes);
      await options.guard?.(route, req, incoming);
      return await route.handle(req);
    } catch (error) {
      if (error instanceof HttpProblem) return options.problemReply(error);
      const known = options.errorReply(error);
      if (known) return known;
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`${label}: unexpected error on ${method} ${path}: ${detail}`);
      return options.serverErrorReply();
    }
  }

  return (incoming, res) => {
    const started = Date.now();
    // The path only: query strings carry Connect sessions and `state` values, which stay out of logs.
    const path = normalizePath(requestUrl(incoming.url).pathname);
    answer(incoming, res)
      .then((reply) => {
        writeReply(res, reply, { jsonContentType: options.jsonContentType });
        log(`${label}: ${incoming.method} ${path} -> ${reply.status} (${Date.now() - started} ms)`);
      })
      .catch((error: unknown) => {
        log(`${label}: failed to answer ${incoming.method} ${path}: ${String(error)}`);
        if (res.headersSent) res.destroy();
        else writeReply(res, options.serverErrorReply(), { jsonContentType: options.jsonContentType });
      });
  };
}
