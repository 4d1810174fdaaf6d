// Builds the app only when its sources changed since the last build, so `npm start` is fast.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { run } from "./processes";
import { sourceFingerprint } from "./source-fingerprint";

const ROOT = path.resolve(__dirname, "..", "..");
export async function generatePrismaClient(env: NodeJS.ProcessEnv): Promise<void> {
  if (fs.existsSync(path.join(ROOT, "lib", "generated", "prisma", "client.ts"))) return;
  await run(
    "prisma",
    process.execPath,
    [path.join(ROOT, "node_modules", "prisma", "build", "index.js"), "generate"],
    { cwd: ROOT, env },
  );
}

export async function buildIfNeeded(env: NodeJS.ProcessEnv): Promise<void> {
  const marker = path.join(ROOT, ".next", "source-fingerprint");
  const current = sourceFingerprint(ROOT);
  const built =
    fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) &&
    fs.existsSync(marker) &&
    fs.readFileSync(marker, "utf8") === current;
  if (built) return;
  console.log("Building the app (first start or sources changed)…");
  await run(
    "build",
    process.execPath,
    [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"],
    {
      cwd: ROOT,
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  fs.writeFileSync(marker, current);
}

/**
 * Applies pending migrations and says so in one line. Prisma's own output (every migration, on every
 * start) is shown only when it fails: it also carries Prisma 6's warning that the schema's `url` is
 * unused with a driver adapter, a url Prisma 6 still needs to read the schema offline.
 */
export async function migrate(env: NodeJS.ProcessEnv): Promise<void> {
  const cli = path.join(ROOT, "node_modules", "prisma", "build", "index.js");
  const output = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, [cli, "migrate", "deploy"], { cwd: ROOT, env }, (error, stdout, stderr) =>
      error ? reject(new Error(`migrate failed:\n${stdout}${stderr}`)) : resolve(stdout),
    ),
  );
  // Prisma lists each applied migration's folder and its migration.sql (in colour under FORCE_COLOR).
  const applied = output.split("migration.sql").length - 1;
  console.log(
    `[migrate] ${applied > 0 ? `applied ${applied} migration(s)` : "database schema is up to date"}`,
  );
}
