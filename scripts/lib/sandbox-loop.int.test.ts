import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { runSandboxLoop } from "./sandbox-loop";

finchForTestFile({ resetBudget: true });

function captureLines(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe("npm run doctor -- --sandbox", () => {
  it("runs the whole loop against the sandbox API, each step timed, and cleans up", async () => {
    const lines = captureLines();
    const before = await db().organization.count();
    const code = await runSandboxLoop({ ...process.env, DOCTOR_WEBHOOK_WAIT_SECONDS: "1" });
    expect(lines.filter((line) => line.startsWith("✗"))).toEqual([]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^✓ 1\. create a sandbox connection \(POST \/sandbox\/connections\) \(\d+ ms\)/);
    expect(lines[3]).toMatch(
      /^✓ 4\. the product detects the break \(\d+ ms\): sweep checked 1, status needs_reauth/,
    );
    expect(lines[4]).toMatch(
      /^✓ 5\. the webhook reports the break .*none within 1 s: configure Finch's webhook/,
    );
    expect(lines[6]).toMatch(
      /^✓ 7\. the product detects the recovery \(\d+ ms\): sweep checked 1, status healthy/,
    );
    expect(lines[7]).toMatch(/^✓ 8\. clean up/);
    expect(await db().organization.count()).toBe(before);
  });

  it("stops at the first failing step and says what to fix", async () => {
    const lines = captureLines();
    const code = await runSandboxLoop({ ...process.env, FINCH_CLIENT_SECRET: "wrong-secret" });
    expect(code).toBe(1);
    expect(lines[0]).toMatch(
      /^✗ 1\. create a sandbox connection .*Fix: use sandbox credentials in FINCH_CLIENT_ID/,
    );
    expect(lines.filter((line) => line.startsWith("✗"))).toHaveLength(1);
  });
});
