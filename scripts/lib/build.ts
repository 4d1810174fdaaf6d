// Builds the app only when its sources changed since the last build, so `npm start` is fast.
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

export async function migrate(env: NodeJS.ProcessEnv): Promise<void> {
  await run(
    "migrate",
    process.execPath,
    [path.join(ROOT, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"],
    { cwd: ROOT, env },
  );
}
