// npm run api-key as a child process against the test database: the key it prints on its last line
// works against /api/v1 with its scopes, list shows it, revoke ends it, and an unknown scope exits 2.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { POST as readToken } from "@/app/api/v1/connections/[id]/access-token/route";
import { GET as list } from "@/app/api/v1/connections/route";
import { db } from "@/lib/db";
import { callApi } from "@/test/api-test-kit";
import { uniqueSuffix } from "@/test/finch-test-kit";

const ROOT = path.resolve(__dirname, "..");

function apiKeyCli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/lib/allow-server-only.mjs", "scripts/api-key.ts", ...args],
      { cwd: ROOT, env, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const lastLine = (text: string) => text.trim().split("\n").at(-1) ?? "";

afterAll(() => db().$disconnect());

describe("npm run api-key", () => {
  it("creates a scoped key that works, lists it, and revokes it", async () => {
    const name = `cli ${uniqueSuffix()}`;
    const created = await apiKeyCli(["create", name, "--scopes", "connections:read"]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const key = lastLine(created.stdout);
    expect(key).toMatch(/^pck_[A-Za-z0-9_-]{43}$/);

    expect((await callApi(list, { url: "/api/v1/connections", key })).status).toBe(200);
    const id = "cnope0000000000000000000";
    const outOfScope = await callApi(readToken, {
      url: `/api/v1/connections/${id}/access-token`,
      method: "POST",
      key,
      params: { id },
    });
    expect(outOfScope.status).toBe(403);

    const row = await db().apiKey.findFirstOrThrow({ where: { name } });
    const listed = await apiKeyCli(["list"]);
    expect(listed.stdout).toContain(`${row.id}  ${row.prefix}…  ${name}  [connections:read]  live`);
    expect(listed.stdout).not.toContain(key);

    const revoked = await apiKeyCli(["revoke", row.id]);
    expect(revoked.code).toBe(0);
    expect((await callApi(list, { url: "/api/v1/connections", key })).status).toBe(401);
    expect((await apiKeyCli(["revoke", row.id])).code).toBe(1);
  });

  it("refuses an unknown scope or a bad command line with exit code 2 and says why", async () => {
    const unknown = await apiKeyCli(["create", "x", "--scopes", "connections:read,tokens:write"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown scope "tokens:write"');
    expect(unknown.stdout).not.toMatch(/pck_/);
    expect((await apiKeyCli(["create"])).code).toBe(2);
    expect((await apiKeyCli(["rotate"])).code).toBe(2);
  });

  it("finds the embedded database npm start runs by its data folder, whatever its port", async () => {
    // A data folder whose embedded database "runs" at the test database's address.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "api-key-cli-"));
    fs.writeFileSync(path.join(dataDir, "pglite.json"), JSON.stringify({ url: process.env.DATABASE_URL }));
    const env = { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, EMBEDDED_DB_PORT: "1" };
    const name = `embedded ${uniqueSuffix()}`;
    const created = await apiKeyCli(["create", name], env);
    expect(created.code).toBe(0);
    const key = lastLine(created.stdout);
    expect((await callApi(list, { url: "/api/v1/connections", key })).status).toBe(200);
    const stored = await db().apiKey.findFirstOrThrow({ where: { name }, select: { scopes: true } });
    expect(stored.scopes).toHaveLength(5);

    fs.rmSync(path.join(dataDir, "pglite.json"));
    const stopped = await apiKeyCli(["list"], env);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain("Start the product (npm start) first, or set DATABASE_URL");
  });
});
