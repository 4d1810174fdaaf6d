// The embedded default database: one PGlite server process owns the data folder, everything else
// (the app, migrations, the job engine) connects to it over loopback like to any PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import { assertPortFree, startChild, stopChild, waitForPort } from "./processes";

export interface EmbeddedDbOptions {
  dataDir: string;
  port: number;
}

export interface EmbeddedDb {
  url: string;
  /** Stops the server process; it flushes the data folder first. */
  stop(): Promise<void>;
}

/**
 * Where a running embedded database says where it listens, beside its data folder, so other commands
 * (npm run api-key) reach the same database as `npm start` whatever port it was given.
 */
export function embeddedDbStateFile(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, "")}.json`;
}

/** The URL of the embedded database serving `dataDir` when one was started and not stopped; else null. */
export function readEmbeddedDbUrl(dataDir: string): string | null {
  try {
    const { url } = JSON.parse(fs.readFileSync(embeddedDbStateFile(dataDir), "utf8")) as { url?: unknown };
    return typeof url === "string" ? url : null;
  } catch {
    return null;
  }
}

export async function startEmbeddedDb({ dataDir, port }: EmbeddedDbOptions): Promise<EmbeddedDb> {
  await assertPortFree(port, "the embedded database", "EMBEDDED_DB_PORT");
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const server = path.join(__dirname, "..", "embedded-db-server.ts");
  const child = startChild("db", process.execPath, ["--import", "tsx", server, dataDir, String(port)]);
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`The embedded database exited early (code ${code})`))),
  );
  await Promise.race([waitForPort(port, "127.0.0.1", 60_000), exited]);
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  const stateFile = embeddedDbStateFile(dataDir);
  fs.writeFileSync(stateFile, JSON.stringify({ url, pid: child.pid }));
  return {
    url,
    // The database gets longer to write its data out before it is killed.
    stop: async () => {
      await stopChild(child, 30_000);
      fs.rmSync(stateFile, { force: true });
    },
  };
}
