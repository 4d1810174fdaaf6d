// Prisma CLI configuration: the JavaScript schema engine works offline, so no native engine is downloaded.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "pg-adapter-migrate";

// The schema names env("DATABASE_URL"); `prisma generate` (run by npm ci) needs it to parse but never
// connects, so a placeholder lets a fresh clone install before any database exists.
const PLACEHOLDER = "postgresql://not-configured@127.0.0.1:1/not-configured";
const configuredUrl = process.env.DATABASE_URL;
process.env.DATABASE_URL ||= PLACEHOLDER;

/**
 * pg-adapter-migrate runs a migration by splitting it at every ";", which cuts function bodies apart
 * (the triggers in 20261129100823_repair_funnel_rollup). Send each migration whole instead, as one
 * simple-protocol query, the way Prisma's own engine does: it then also applies atomically.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    if (!configuredUrl)
      throw new Error(
        "DATABASE_URL is not set: `npm start` sets it for the embedded database, or export it.",
      );
    return new WholeScriptPg({ connectionString: configuredUrl });
  },
});
