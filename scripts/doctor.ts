// npm run doctor – checks a configuration before go-live: one ✓ or ✗ line per check, exit 1 on any ✗.
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
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`✗ doctor: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
