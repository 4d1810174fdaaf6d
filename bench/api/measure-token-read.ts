// The token read's p95 against the bare route handler of the benchmark build, both past the same
// middleware (none: the proxy skips /api/v1/, so the bare route is POST /api/v1/bench-baseline, which
// exists only there). Each side answers the same number of requests at the same concurrency, after a
// warm-up, in rounds whose order alternates; the best round of each side counts. The bare route behind
// the proxy (POST /api/bench-baseline) is measured alongside, for what the proxy's pass costs.
import { BASELINE_API_ROUTE, BASELINE_ROUTE } from "../http/build-bench-app";
import {
  bestRound,
  describeLoad,
  measureLoad,
  type LoadRequest,
  type LoadResult,
} from "../http/measure-load";

export const TOKEN_READ_GOAL = 1.5;

type Side = "baseline" | "product" | "proxied";

export type TokenReadFigures =
  | {
      kind: "measured";
      ratio: number;
      baseline: LoadResult;
      product: LoadResult;
      /** The bare route behind the proxy, for comparison only. */
      proxied: LoadResult;
      problems: string[];
    }
  /** The endpoint is not in this build (the branch that adds it is not merged yet). */
  | { kind: "absent"; status: number };

export async function measureTokenRead(options: {
  appUrl: string;
  apiKey: string;
  connectionId: string;
  connections: number;
  /** Requests per side and round. */
  requests: number;
  rounds: number;
  progress: (line: string) => void;
}): Promise<TokenReadFigures> {
  const { appUrl, apiKey, connectionId } = options;
  const bare = (path: string): LoadRequest => ({
    method: "POST",
    path,
    headers: { "content-type": "application/json" },
    next: () => ({ body: "{}" }),
  });
  const requests: Record<Side, LoadRequest> = {
    baseline: bare(BASELINE_API_ROUTE),
    proxied: bare(BASELINE_ROUTE),
    product: {
      method: "POST",
      path: `/api/v1/connections/${connectionId}/access-token`,
      headers: { authorization: `Bearer ${apiKey}` },
    },
  };
  const probe = await fetch(`${appUrl}${requests.product.path}`, {
    method: "POST",
    headers: requests.product.headers,
  });
  if (probe.status === 404 || probe.status === 405) return { kind: "absent", status: probe.status };
  const load = (side: Side, amount: number) =>
    measureLoad({ baseUrl: appUrl, request: requests[side], connections: options.connections, amount });
  const order: Side[] = ["baseline", "proxied", "product"];
  for (const side of order) await load(side, Math.ceil(options.requests / 5));
  const sides: Record<Side, LoadResult[]> = { baseline: [], product: [], proxied: [] };
  const problems: string[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    for (const side of round % 2 === 1 ? order : [...order].reverse()) {
      const result = await load(side, options.requests);
      sides[side].push(result);
      options.progress(`token read, round ${round}, ${side}: ${describeLoad(result)}`);
      const other = result.requests - (result.statuses[200] ?? 0);
      if (other > 0 || result.errors > 0)
        problems.push(`${side}: ${other} answers other than 200, ${result.errors} errors`);
    }
  }
  const best = {
    baseline: bestRound(sides.baseline, "p95"),
    product: bestRound(sides.product, "p95"),
    proxied: bestRound(sides.proxied, "p95"),
  };
  return { kind: "measured", ratio: best.product.p95 / best.baseline.p95, ...best, problems };
}
