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

export async function startEmbeddedDb({ dataDir, port }: EmbeddedDbOptions): Promise<EmbeddedDb> {
  await assertPortFree(port, "the embedded database", "EMBEDDED_DB_PORT");
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const server = path.join(__dirname, "..", "embedded-db-server.ts");
  const child = startChild("db", process.execPath, ["--import", "tsx", server, dataDir, String(port)]);
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`The embedded database exited early (code ${code})`))),
  );
  await Promise.race([waitForPort(port, "127.0.0.1", 60_000), exited]);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    // The database gets longer to write its data out before it is killed.
    stop: () => stopChild(child, 30_000),
  };
}
