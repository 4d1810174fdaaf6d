// npm run doctor – checks a configuration before go-live: one ✓ or ✗ line per check, exit 1 on any ✗.
// `npm run doctor -- --sandbox` then runs the whole break-and-repair loop against Finch's Sandbox API.
import fs from "node:fs";
import path from "node:path";
import { formatCheck, runDoctor } from "../lib/ops/doctor/run-doctor";

const ROOT = path.resolve(__dirname, "..");

async function main(): Promise<number> {
  if (fs.existsSync(path.join(ROOT, ".env"))) process.loadEnvFile(path.join(ROOT, ".env"));
  const results = await runDoctor(process.env);
  for (const result of results) console.log(formatCheck(result));
  const failed = results.filter((result) => !result.ok).length;
  console.log(failed === 0 ? "\nAll checks passed." : `\n${failed} check(s) failed.`);
  if (failed > 0) return 1;
  if (!process.argv.includes("--sandbox")) return 0;
  console.log("\nSandbox loop against FINCH_BASE_URL:");
  const { runSandboxLoop } = await import("./lib/sandbox-loop");
  return runSandboxLoop(process.env);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`✗ doctor: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
