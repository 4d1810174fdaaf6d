import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { readEmbeddedDbUrl, startEmbeddedDb } from "./embedded-db";
import { isPortFree, stopAll } from "./processes";

async function freePort(): Promise<number> {
  for (let port = 55500 + Math.floor(Math.random() * 400); port < 56000; port++)
    if (await isPortFree(port)) return port;
  throw new Error("no free port");
}

async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

afterEach(async () => {
  await stopAll();
});

describe("the embedded database", () => {
  it("keeps data across a restart", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-"));
    const port = await freePort();
    const first = await startEmbeddedDb({ dataDir, port });
    // Other commands (npm run api-key) find it by its data folder while it runs.
    expect(readEmbeddedDbUrl(dataDir)).toBe(first.url);
    await withClient(first.url, (client) =>
      client.query("CREATE TABLE kept (name text); INSERT INTO kept VALUES ('acme')"),
    );
    await first.stop();
    expect(readEmbeddedDbUrl(dataDir)).toBeNull();

    const second = await startEmbeddedDb({ dataDir, port });
    const rows = await withClient(second.url, (client) =>
      client.query<{ name: string }>("SELECT name FROM kept"),
    );
    expect(rows.rows).toEqual([{ name: "acme" }]);
  }, 60_000);

  it("fails with a clear message when its port is taken", async () => {
    const port = await freePort();
    const squatter = net.createServer().listen(port, "127.0.0.1");
    await new Promise((resolve) => squatter.once("listening", resolve));
    try {
      await expect(startEmbeddedDb({ dataDir: os.tmpdir(), port })).rejects.toThrow(
        `Port ${port} for the embedded database is already in use`,
      );
    } finally {
      squatter.close();
    }
  });
});
