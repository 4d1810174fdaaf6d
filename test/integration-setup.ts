// Vitest global setup for integration tests: one migrated database per run, dropped afterwards.
import crypto from "node:crypto";
import { DEVELOPMENT_CREDENTIALS } from "../emulators/shared/development-credentials";
import { createTestDatabase } from "./test-database";

export default async function setup() {
  const database = await createTestDatabase();
  if (database.kind === "pglite") {
    console.warn(
      "No PostgreSQL answered (TEST_POSTGRES_URL or 127.0.0.1:5432): integration tests run on embedded PGlite instead.",
    );
  }
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    APP_URL: "http://localhost:3000",
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEYS: `test-1:${crypto.randomBytes(32).toString("base64")}`,
    ...DEVELOPMENT_CREDENTIALS,
    // Finch's windows shrunk a hundredfold, so tests that call the stand-in often never wait for the
    // shared budget; the budget's own tests pass their settings explicitly.
    FINCH_BUDGET_WINDOW_SCALE: "0.01",
    // The files share one database and break many "gusto" connections at once: no provider outage unless
    // a test injects its own thresholds (lib/outages).
    OUTAGE_MIN_CONNECTIONS: "1000000",
  });
  return async () => database.drop();
}
