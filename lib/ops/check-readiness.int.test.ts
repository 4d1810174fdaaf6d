import net from "node:net";
import { Client } from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/ready/route";
import { GET as health } from "@/app/api/health/route";
import { checkReadiness, READY_TIMEOUT_MS } from "./check-readiness";
import { beginShutdown } from "./lifecycle";

const adminUrl = () => {
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = "/postgres";
  return url.toString();
};

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** A server that accepts connections and never says a word: a database that hangs. */
function silentServer(): Promise<{ port: number; close(): void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () => {
          for (const socket of sockets) socket.destroy();
          server.close();
        },
      }),
    ),
  );
}

const emptyDb = `ready_empty_${process.pid}_${Date.now()}`;

beforeAll(() => admin(`CREATE DATABASE "${emptyDb}"`));
afterAll(() => admin(`DROP DATABASE IF EXISTS "${emptyDb}" WITH (FORCE)`));
afterEach(() => {
  (globalThis as { payrollLifecycle?: unknown }).payrollLifecycle = undefined;
});

describe("GET /api/health", () => {
  it("answers ok without touching the database", async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("GET /api/ready", () => {
  it("is 200 when the database answers and every migration is applied", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it("turns 503 at once when shutdown begins", async () => {
    beginShutdown();
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", reason: "shutting down" });
  });

  it("is not ready when the database is stopped (nothing listens)", async () => {
    const closed = await silentServer();
    closed.close(); // the port is now free: connections are refused
    const url = `postgresql://postgres@127.0.0.1:${closed.port}/postgres`;
    expect(await checkReadiness({ databaseUrl: url })).toEqual({
      ready: false,
      reason: "database unreachable (ECONNREFUSED)",
    });
  });

  it("answers within 2 s when the database accepts connections and never answers", async () => {
    const hanging = await silentServer();
    try {
      const started = Date.now();
      const result = await checkReadiness({
        databaseUrl: `postgresql://postgres@127.0.0.1:${hanging.port}/x`,
      });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(result).toEqual({
        ready: false,
        reason: `database did not answer within ${READY_TIMEOUT_MS} ms`,
      });
    } finally {
      hanging.close();
    }
  });

  it("is not ready on a database without the migrations, nor on one missing the latest", async () => {
    const url = new URL(process.env.DATABASE_URL ?? "");
    url.pathname = `/${emptyDb}`;
    expect(await checkReadiness({ databaseUrl: url.toString() })).toEqual({
      ready: false,
      reason: "database not migrated",
    });
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(`CREATE TABLE _prisma_migrations (migration_name text, finished_at timestamptz,
      rolled_back_at timestamptz)`);
    await client.query(`INSERT INTO _prisma_migrations VALUES ('20261128000000_foundation', now(), NULL)`);
    await client.end();
    const partial = await checkReadiness({ databaseUrl: url.toString() });
    expect(partial.ready).toBe(false);
    expect(!partial.ready && partial.reason).toMatch(/^\d+ migration\(s\) not applied, first: 2026/);
  });
});
