import type { EmulatorRequest } from "./request";
import type { Reply } from "./reply";
import { errors } from "./finch-error";

/** `api` routes are subject to injected latency and faults; `ui` and `control` routes never are. */
export type RouteKind = "api" | "ui" | "control";

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  pattern: string;
  kind: RouteKind;
  handle: (req: EmulatorRequest) => Reply | Promise<Reply>;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw errors.badRequest("Malformed percent-encoding in the URL path");
  }
}

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? "";
    const g = got[i] ?? "";
    if (w.startsWith(":")) {
      if (g === "") return null;
      params[w.slice(1)] = safeDecode(g);
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

/** Finds the route for a request; a known path with the wrong method is a 405, anything else a 404. */
export function findRoute(routes: Route[], method: string, path: string): RouteMatch {
  let pathKnown = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (!params) continue;
    pathKnown = true;
    if (route.method === method) return { route, params };
  }
  throw pathKnown ? errors.methodNotAllowed() : errors.routeNotFound();
}
