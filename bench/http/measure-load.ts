// One load measurement with autocannon on loopback: a fixed number of connections for a fixed time
// (or a fixed number of requests), with throughput, exact percentiles and every status counted.
import autocannon from "autocannon";

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** Builds each request's body and extra headers afresh (e.g. a new signed webhook per call). */
  next?: () => { body?: string; headers?: Record<string, string> };
}

export interface LoadOptions {
  baseUrl: string;
  request: LoadRequest;
  connections: number;
  durationSeconds?: number;
  amount?: number;
  /** Requests per second across all connections (autocannon's overallRate); as fast as answered when unset. */
  rate?: number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<number, number>;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(hostname))
    throw new Error(`refusing a non-loopback URL: ${hostname}`);
}

function withFreshBody(next: NonNullable<LoadRequest["next"]>) {
  return (req: autocannon.Request): autocannon.Request => {
    const built = next();
    return { ...req, body: built.body, headers: { ...req.headers, ...built.headers } };
  };
}

export async function measureLoad(options: LoadOptions): Promise<LoadResult> {
  assertLoopback(options.baseUrl);
  const { request } = options;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let finish: (error: Error | null, result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error) : resolve(result));
  });
  const instance = autocannon(
    {
      url: options.baseUrl,
      connections: options.connections,
      ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds ?? 8 }),
      timeout: 30,
      ...(options.rate ? { overallRate: options.rate } : {}),
      requests: [
        {
          method: request.method,
          path: request.path,
          headers: request.headers,
          // autocannon calls setupRequest whenever the key exists, so it is left out unless needed.
          ...(request.next ? { setupRequest: withFreshBody(request.next) } : {}),
        },
      ],
    },
    (error, result) => finish(error, result),
  );
  // autocannon passes (client, status, bytes, time); its typings omit the client.
  instance.on("response", (...args: unknown[]) => {
    const status = args[args.length - 3] as number;
    latencies.push(args[args.length - 1] as number);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statuses,
    errors: result.errors,
  };
}

export function describeLoad(result: LoadResult): string {
  const statuses = Object.entries(result.statuses)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
  return `${result.perSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms [${statuses}${result.errors ? ` errors×${result.errors}` : ""}]`;
}

/** The best of several rounds: the one least disturbed by whatever else the machine was doing. */
export function bestRound(results: LoadResult[], by: "throughput" | "p95"): LoadResult {
  return [...results].sort((a, b) => (by === "p95" ? a.p95 - b.p95 : b.perSecond - a.perSecond))[0];
}
