// One router for the stand-ins: method + path pattern (`/emails/:id`, a trailing `*` for any rest)
// → handler. A known path with another method is a 405 with `Allow`, anything else a 404; both are
// thrown as HttpProblem for the stand-in to answer in its own error shape.
import type { IncomingHttpHeaders } from "node:http";
import { HttpProblem } from "./http-problem";
import type { Reply } from "./reply";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** What a route handler sees of a request. A body is read up front (bounded) for every method but GET. */
export interface RouteRequest {
  method: string;
  url: URL;
  path: string;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface Route<Req extends RouteRequest = RouteRequest> {
  method: HttpMethod;
  pattern: string;
  handle: (req: Req) => Reply | Promise<Reply>;
}

export interface RouteMatch<R> {
  route: R;
  params: Record<string, string>;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpProblem("malformed-path", "Malformed percent-encoding in the URL path");
  }
}

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  const rest = want[want.length - 1] === "*";
  if (rest ? got.length < want.length : got.length !== want.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? "";
    const g = got[i] ?? "";
    if (w === "*" && i === want.length - 1) {
      params["*"] = got.slice(i).join("/");
      return params["*"] === "" ? null : params;
    }
    if (w.startsWith(":")) {
      if (g === "") return null;
      params[w.slice(1)] = decodeSegment(g);
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

/** A trailing slash names the same resource ("/emails/" is "/emails"). */
export function normalizePath(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, "") || "/" : pathname;
}

/** How many segments a pattern leaves open; a literal segment beats a parameter in its place. */
function openSegments(pattern: string): number {
  return pattern.split("/").filter((segment) => segment.startsWith(":") || segment === "*").length;
}

/**
 * The most specific pattern matching the path decides ("/emails/batch" before "/emails/:id"): one of
 * its routes with the request's method answers, or the path is a 405 listing their methods.
 */
export function findRoute<R extends { method: HttpMethod; pattern: string }>(
  routes: readonly R[],
  method: string,
  path: string,
): RouteMatch<R> {
  let best: { routes: R[]; params: Record<string, string>; open: number } | null = null;
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (!params) continue;
    const open = openSegments(route.pattern);
    if (!best || open < best.open) best = { routes: [route], params, open };
    else if (open === best.open) best.routes.push(route);
  }
  if (!best) throw new HttpProblem("not-found", "Not found");
  const route = best.routes.find((candidate) => candidate.method === method);
  if (route) return { route, params: matchPattern(route.pattern, path) ?? best.params };
  const allow = [...new Set(best.routes.map((candidate) => candidate.method))];
  throw new HttpProblem("method-not-allowed", "Method not allowed", allow);
}
