// Prisma CLI configuration: the JavaScript schema engine works offline, so no native engine is downloaded.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "pg-adapter-migrate";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: start the product with `npm start` or set it.");
    return new PrismaPg({ connectionString });
  },
});
