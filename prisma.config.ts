// Prisma CLI configuration: the JavaScript schema engine works offline, so no native engine is downloaded.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "pg-adapter-migrate";

// The schema names env("DATABASE_URL"); `prisma generate` (run by npm ci) needs it to parse but never
// connects, so a placeholder lets a fresh clone install before any database exists.
const PLACEHOLDER = "postgresql://not-configured@127.0.0.1:1/not-configured";
const configuredUrl = process.env.DATABASE_URL;
process.env.DATABASE_URL ||= PLACEHOLDER;

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
    return new PrismaPg({ connectionString: configuredUrl });
  },
});
