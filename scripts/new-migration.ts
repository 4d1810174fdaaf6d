// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql from the
// difference between the schema at git HEAD and the working schema. (`prisma migrate dev` cannot run
// offline here; the diff runs against a throwaway in-memory PGlite.)
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const ROOT = path.resolve(__dirname, "..");

async function main() {
  const name = process.argv[2]?.replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
  if (!name) throw new Error("usage: npm run db:migration -- <name>");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migration-"));
  const previous = path.join(tmp, "schema.prisma");
  let from = ["--from-empty"];
  try {
    fs.writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: ROOT }));
    from = ["--from-schema-datamodel", previous];
  } catch {
    // No committed schema yet: the first migration starts from an empty database.
  }
  const db = await PGlite.create();
  const port = 55000 + Math.floor(Math.random() * 5000);
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1" });
  await server.start();
  try {
    // Asynchronous on purpose: the PGlite server answering Prisma lives in this very process.
    const { stdout: sql } = await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT, "node_modules", "prisma", "build", "index.js"),
        "migrate",
        "diff",
        ...from,
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
        },
      },
    );
    if (!sql.trim() || sql.includes("This is an empty migration")) {
      console.log("The schema has not changed since HEAD: no migration written.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(ROOT, "prisma", "migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(ROOT, dir)}/migration.sql`);
  } finally {
    await server.stop();
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
