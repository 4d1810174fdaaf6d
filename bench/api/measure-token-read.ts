// The token read's p95 against the bare route handler of the benchmark build (POST /api/bench-baseline,
// which exists only there), in alternating rounds of the same run; the best round of each side counts.
import { BASELINE_ROUTE } from "../http/build-bench-app";
import {
  bestRound,
  describeLoad,
  measureLoad,
  type LoadRequest,
  type LoadResult,
} from "../http/measure-load";

export const TOKEN_READ_GOAL = 1.5;

export type TokenReadFigures =
  | { kind: "measured"; ratio: number; baseline: LoadResult; product: LoadResult; problems: string[] }
  /** The endpoint is not in this build (the branch that adds it is not merged yet). */
  | { kind: "absent"; status: number };

export async function measureTokenRead(options: {
  appUrl: string;
  apiKey: string;
  connectionId: string;
  connections: number;
  durationSeconds: number;
  rounds: number;
  progress: (line: string) => void;
}): Promise<TokenReadFigures> {
  const { appUrl, apiKey, connectionId } = options;
  const product: LoadRequest = {
    method: "POST",
    path: `/api/v1/connections/${connectionId}/access-token`,
    headers: { authorization: `Bearer ${apiKey}` },
  };
  const baseline: LoadRequest = {
    method: "POST",
    path: BASELINE_ROUTE,
    headers: { "content-type": "application/json" },
    next: () => ({ body: "{}" }),
  };
  const probe = await fetch(`${appUrl}${product.path}`, { method: "POST", headers: product.headers });
  if (probe.status === 404 || probe.status === 405) return { kind: "absent", status: probe.status };
  const load = (request: LoadRequest, seconds: number) =>
    measureLoad({ baseUrl: appUrl, request, connections: options.connections, durationSeconds: seconds });
  await load(baseline, 2);
  await load(product, 2);
  const sides: Record<"baseline" | "product", LoadResult[]> = { baseline: [], product: [] };
  const problems: string[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    for (const side of ["baseline", "product"] as const) {
      const result = await load(side === "baseline" ? baseline : product, options.durationSeconds);
      sides[side].push(result);
      options.progress(`token read, round ${round}, ${side}: ${describeLoad(result)}`);
      const other = result.requests - (result.statuses[200] ?? 0);
      if (other > 0 || result.errors > 0)
        problems.push(`${side}: ${other} answers other than 200, ${result.errors} errors`);
    }
  }
  const best = { baseline: bestRound(sides.baseline, "p95"), product: bestRound(sides.product, "p95") };
  return { kind: "measured", ratio: best.product.p95 / best.baseline.p95, ...best, problems };
}
