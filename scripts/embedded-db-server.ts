// Serves a persistent PGlite database over the PostgreSQL wire protocol on loopback.
// Usage: tsx scripts/embedded-db-server.ts <data-dir> <port>
import { PGlite } from "@electric-sql/pglite";
import { createPgliteSocketServer } from "./lib/pglite-socket-server";

async function main() {
  const [dataDir, portText] = process.argv.slice(2);
  if (!dataDir || !portText) throw new Error("usage: embedded-db-server <data-dir> <port>");
  const db = await PGlite.create(dataDir);
  // Batch-safe: the app, two instances' job workers and migrations query it at once.
  const server = createPgliteSocketServer({
    db,
    port: Number(portText),
    host: "127.0.0.1",
    maxConnections: 40,
  });
  await server.start();
  console.log(`embedded PostgreSQL (PGlite) on 127.0.0.1:${portText}, data in ${dataDir}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await db.close(); // flushes the data folder so the next start finds everything
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
