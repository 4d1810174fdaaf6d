// Every hand-written SQL statement in lib/ is planned against the freshly migrated schema: a renamed
// column, table or type fails here instead of at run time. The statements come from the builders and
// texts their modules export (test/sql-catalog/), EXPLAINed with sample values through the app's own
// client (nothing runs); a second test keeps the catalog complete.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { jobs, stopJobs } from "@/lib/jobs/job-engine";
import { Prisma } from "@/lib/generated/prisma/client";
import { SQL_CATALOG, SQL_PENDING, type SqlStatement } from "@/test/sql-catalog";

const ROOT = path.resolve(__dirname, "..");
// A statement handed to the client or the pool as a template, instead of through an exported builder.
const INLINE_STATEMENT = /(\$queryRaw|\$executeRaw|queryRows)(<[^`(]*>)?(`|\(\s*Prisma\.sql`)/;
const WRITES_SQL = /\$queryRaw|\$executeRaw|queryRows\(|Prisma\.sql`/;

// pg-boss creates its schema when it first starts; the job statements are planned against it.
beforeAll(async () => {
  await jobs();
});

afterAll(async () => {
  await stopJobs();
  await db().$disconnect();
});

async function explain(statement: SqlStatement): Promise<void> {
  if (statement instanceof Prisma.Sql) await db().$queryRaw(Prisma.sql`EXPLAIN ${statement}`);
  else await db().$queryRawUnsafe(`EXPLAIN ${statement.text}`, ...statement.values);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe("hand-written SQL against the migrated schema", () => {
  for (const [file, statements] of Object.entries(SQL_CATALOG)) {
    it(`plans every statement of ${file}`, async () => {
      for (const [name, samples] of Object.entries(statements)) {
        for (const [index, statement] of samples().entries()) {
          await expect(explain(statement), `${name} #${index}`).resolves.toBeUndefined();
        }
      }
    });
  }
});

describe("the catalog", () => {
  const writers = sourceFiles(path.join(ROOT, "lib"))
    .filter((file) => WRITES_SQL.test(fs.readFileSync(file, "utf8")))
    .map((file) => path.relative(ROOT, file));

  it("names every file of lib/ that writes SQL (or says why it is pending)", () => {
    const missing = writers.filter((file) => !(file in SQL_CATALOG) && !(file in SQL_PENDING));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(SQL_CATALOG))(
    "%s hands its statements over through exported builders",
    async (file) => {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      const code = text.split("\n").filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line));
      expect(code.filter((line) => INLINE_STATEMENT.test(line))).toEqual([]);
      const exported = Object.entries(await import(path.join(ROOT, file)))
        .filter(([name, value]) => (/Sql$/.test(name) && typeof value === "function") || /_SQL$/.test(name))
        .map(([name]) => name);
      expect(Object.keys(SQL_CATALOG[file] ?? {}).sort()).toEqual(exported.sort());
    },
  );
});
