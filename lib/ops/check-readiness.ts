// Readiness: the process is not stopping, the database answers, and every migration in
// prisma/migrations is applied. Answers within READY_TIMEOUT_MS even when the database hangs, and
// shares one check among probes that arrive together.
import "server-only";
import { env } from "@/lib/env";
import { checkDatabase, shippedMigrations, type Readiness } from "./database-readiness";
import { isShuttingDown } from "./lifecycle";

export { READY_TIMEOUT_MS, type Readiness } from "./database-readiness";

const RESULT_TTL_MS = 1000;

const globalForReady = globalThis as unknown as {
  payrollReady?: { at: number; result: Promise<Readiness> };
};

export interface CheckReadinessOptions {
  databaseUrl?: string;
  root?: string;
}

export function checkReadiness({ databaseUrl, root }: CheckReadinessOptions = {}): Promise<Readiness> {
  if (isShuttingDown()) return Promise.resolve({ ready: false, reason: "shutting down" });
  const cached = globalForReady.payrollReady;
  const now = Date.now();
  if (!databaseUrl && cached && now - cached.at < RESULT_TTL_MS) return cached.result;
  const result = checkDatabase(databaseUrl ?? env().DATABASE_URL, shippedMigrations(root));
  if (!databaseUrl) globalForReady.payrollReady = { at: now, result };
  return result;
}
