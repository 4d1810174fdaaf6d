// PGlite in a data folder, served on loopback for the benchmark: tsx bench/pglite-server.ts <dir> <port>
// Uses the batch-safe socket server (scripts/lib/pglite-socket-server.ts): the sweep runs queries
// on several connections at once.
import { PGlite } from "@electric-sql/pglite";
import { createPgliteSocketServer } from "../scripts/lib/pglite-socket-server";

async function main() {
  const [dataDir, portText] = process.argv.slice(2);
  if (!dataDir || !portText) throw new Error("usage: pglite-server <data-dir> <port>");
  const db = await PGlite.create(dataDir);
  const server = createPgliteSocketServer({ db, port: Number(portText), host: "127.0.0.1", maxConnections: 40 });
  await server.start();
  const stop = async () => {
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
