// A separate process taking background permits as fast as the shared budget lets it, for the
// two-process test: prints one JSON line with the times (ms since epoch) it was allowed to call.
// Run: node --conditions=react-server --import tsx compete-for-budget.ts <seconds> <settings JSON>
import { acquireFinchPermit } from "../acquire-finch-permit";
import type { BudgetSettings } from "../budget-classes";

async function main() {
  const seconds = Number(process.argv[2]);
  const settings = JSON.parse(process.argv[3] ?? "{}") as BudgetSettings;
  const until = Date.now() + seconds * 1000;
  const grants: number[] = [];
  const worker = async () => {
    while (Date.now() < until) {
      const permit = await acquireFinchPermit({
        path: "/introspect",
        priority: "background",
        settings,
        maxWaitSeconds: 2,
      });
      if (permit.kind === "granted" && Date.now() < until) grants.push(Date.now());
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  process.stdout.write(`${JSON.stringify({ grants })}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
