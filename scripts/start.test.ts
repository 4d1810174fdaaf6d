import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

describe("npm start in production mode", () => {
  it("refuses to start with a missing secret and names the variable", async () => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://u@127.0.0.1:1/x",
    };
    const run = promisify(execFile)(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts", "start.ts")],
      { cwd: ROOT, env, timeout: 30_000 },
    );
    const failure = await run.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("AUTH_SECRET is required");
    expect(failure?.stderr).toContain("TOKEN_ENCRYPTION_KEYS is required");
    expect(failure?.stderr).toContain("FINCH_CLIENT_SECRET is required");
  });
});
