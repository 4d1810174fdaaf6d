// npm run doctor -- --sandbox: the whole loop against Finch's Sandbox API, made safe: create a sandbox
// connection, import it as a throwaway organization, break it (PUT /sandbox/connections/accounts
// reauth), show the product detects it (sweep, and webhook when Finch can reach APP_URL), restore it,
// show the recovery, clean up. Each step prints its time; the first failure stops with what to fix.
import Finch from "@tryfinch/finch-api";
import { sealAccessToken } from "../../lib/connections/connection-token";
import { closeDb, db } from "../../lib/db";
import { parseEnv } from "../../lib/env";
import { sweepConnections } from "../../lib/sweep/sweep-connections";
import { stopJobs } from "../../lib/jobs/job-engine";

interface Step {
  name: string;
  run: () => Promise<string>;
  fix: string;
}

class StepFailed extends Error {}

async function statusOf(connectionId: string): Promise<string> {
  const row = await db().connection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { status: true },
  });
  return row.status;
}

async function expectStatus(connectionId: string, wanted: string): Promise<string> {
  const summary = await sweepConnections({ connectionIds: [connectionId], concurrency: 1 });
  const status = await statusOf(connectionId);
  if (status !== wanted) throw new StepFailed(`the sweep left the connection ${status}, expected ${wanted}`);
  return `sweep checked ${summary.checked}, status ${status}`;
}

async function webhookSeen(connectionId: string, since: Date, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const event = await db().connectionEvent.findFirst({
      where: { connectionId, source: "webhook", createdAt: { gte: since } },
      select: { id: true },
    });
    if (event) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

export async function runSandboxLoop(raw: Record<string, string | undefined>): Promise<number> {
  const config = parseEnv(raw);
  const baseURL = config.FINCH_BASE_URL;
  const app = new Finch({
    clientID: config.FINCH_CLIENT_ID,
    clientSecret: config.FINCH_CLIENT_SECRET,
    baseURL,
  });
  const webhookWaitMs = Number(raw.DOCTOR_WEBHOOK_WAIT_SECONDS ?? 10) * 1000;
  let token = "";
  let finchConnectionId = "";
  let connectionId = "";
  let organizationId = "";
  const sandbox = () => new Finch({ accessToken: token, baseURL });
  const setStatus = (status: "reauth" | "connected") =>
    sandbox().sandbox.connections.accounts.update({ connection_status: status });

  const steps: Step[] = [
    {
      name: "create a sandbox connection (POST /sandbox/connections)",
      fix: "use sandbox credentials in FINCH_CLIENT_ID / FINCH_CLIENT_SECRET and FINCH_BASE_URL",
      run: async () => {
        const created = await app.sandbox.connections.create({ provider_id: "gusto" });
        token = created.access_token;
        finchConnectionId = created.connection_id;
        return `connection ${finchConnectionId}`;
      },
    },
    {
      name: "import it as a throwaway organization",
      fix: "check DATABASE_URL and TOKEN_ENCRYPTION_KEYS (npm run doctor)",
      run: async () => {
        const org = await db().organization.create({
          data: { name: `doctor sandbox ${new Date().toISOString()}` },
        });
        organizationId = org.id;
        connectionId = `cdoctor${Date.now().toString(36)}`;
        await db().connection.create({
          data: {
            id: connectionId,
            organizationId,
            finchConnectionId,
            providerId: "gusto",
            providerName: "Gusto",
            ...sealAccessToken(connectionId, token),
          },
        });
        return `organization ${organizationId} (no members: no email goes out)`;
      },
    },
    {
      name: "set it to reauth (PUT /sandbox/connections/accounts)",
      fix: "the sandbox refused the status change: check FINCH_BASE_URL points at Finch's API",
      run: async () => (await setStatus("reauth"), "connection_status reauth"),
    },
    {
      name: "the product detects the break",
      fix: "the sweep could not see the break: check Finch reachability from here (FINCH_BASE_URL)",
      run: () => expectStatus(connectionId, "needs_reauth"),
    },
    {
      name: "the webhook reports the break",
      fix: "",
      run: async () =>
        (await webhookSeen(connectionId, new Date(Date.now() - 60_000), webhookWaitMs))
          ? "account.updated received"
          : `none within ${webhookWaitMs / 1000} s: configure Finch's webhook to ${config.APP_URL}/api/finch/webhook to cover this path (not required)`,
    },
    {
      name: "set it back to connected",
      fix: "the sandbox refused the status change",
      run: async () => (await setStatus("connected"), "connection_status connected"),
    },
    {
      name: "the product detects the recovery",
      fix: "the sweep did not clear the status: see the connection's history in the operator console",
      run: () => expectStatus(connectionId, "healthy"),
    },
  ];

  let failed = false;
  for (const [index, step] of steps.entries()) {
    const started = Date.now();
    try {
      const detail = await step.run();
      console.log(`✓ ${index + 1}. ${step.name} (${Date.now() - started} ms): ${detail}`);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      console.log(`✗ ${index + 1}. ${step.name} (${Date.now() - started} ms): ${why}. Fix: ${step.fix}`);
      failed = true;
      break;
    }
  }
  const started = Date.now();
  // Clean up whatever was made, even after a failure.
  if (token)
    await sandbox()
      .account.disconnect()
      .catch(() => undefined);
  if (organizationId)
    await db()
      .organization.delete({ where: { id: organizationId } })
      .catch(() => undefined);
  console.log(
    `✓ ${steps.length + 1}. clean up (${Date.now() - started} ms): token revoked, organization deleted`,
  );
  await stopJobs(5000);
  await closeDb();
  return failed ? 1 : 0;
}
