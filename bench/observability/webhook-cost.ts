// The webhook's cost of metrics and tracing measured in one process (webhook-cost-run.ts), for the http
// suite's observability part: on ÷ off CPU per request over all rounds.
import path from "node:path";
import { benchAppEnv } from "../bench-setup";
import { mean, median, rangeText } from "../stats";
import { runScript } from "./run-script";

export interface InProcessCost {
  value: number;
  detail: string;
}

export async function measureWebhookCostInProcess(options: {
  databaseUrl: string;
  sinkUrl: string;
  finchConnectionId: string;
  metricsToken: string;
  rounds: number;
  perRound: number;
}): Promise<InProcessCost> {
  const { done } = runScript(
    "webhook-cost-run.ts",
    [options.sinkUrl, options.finchConnectionId, String(options.rounds), String(options.perRound)],
    undefined,
    {
      // As the integration tests load route handlers: `server-only` allowed, React's full build.
      nodeArgs: ["--import", path.join(import.meta.dirname, "../../scripts/lib/allow-server-only.mjs")],
      env: {
        ...process.env,
        ...benchAppEnv({ databaseUrl: options.databaseUrl, finchUrl: "http://127.0.0.1:9" }),
        METRICS_TOKEN: options.metricsToken,
        LOG_LEVEL: "warn",
      },
    },
  );
  const cpu = JSON.parse((await done).trim().split("\n").at(-1) ?? "{}") as Record<"off" | "on", number[]>;
  // Rounds are equal in requests, so the mean of each side's rounds is its CPU per request overall.
  const paired = cpu.on.map((on, i) => on / cpu.off[i]);
  return {
    value: mean(cpu.on) / mean(cpu.off),
    detail:
      `all ${paired.length} rounds of ${options.perRound} a side, ${mean(cpu.off).toFixed(3)} vs ` +
      `${mean(cpu.on).toFixed(3)} ms of CPU a webhook; paired rounds ${rangeText(paired)}, median ${median(paired).toFixed(2)}x`,
  };
}
