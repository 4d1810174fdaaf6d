// PGlite over the PostgreSQL wire protocol, safe for several connections at once.
//
// pglite-socket (0.2.17, the newest) runs the messages of all connections one at a time in arrival
// order, and keeps one connection's messages together only inside an explicit transaction. PGlite
// has a single session, so the extended-protocol batch a driver sends for every parameterised query
// (Parse, Bind, Describe, Execute, Sync) can be split by another connection's batch: the unnamed
// statement or portal is replaced under it, and a query gets another query's rows. Seen with Prisma
// and four concurrent queries: hundreds of wrong rows, `portal "" does not exist`.
//
// This queue keeps each batch whole: once a connection has sent a message, only that connection's
// messages run until PGlite answers it with ReadyForQuery (after Sync or a simple Query) outside a
// transaction, the same rule the library already applies to transactions.
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

type ServerOptions = ConstructorParameters<typeof PGLiteSocketServer>[0];

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
}

const READY_FOR_QUERY = 0x5a; // 'Z', 6 bytes: type, int32 length 5, transaction status
const TERMINATE = 0x58; // 'X'

class BatchQueue {
  private queue: QueuedMessage[] = [];
  private processing = false;
  /** The connection whose batch or transaction is open; only its messages may run. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private take(): QueuedMessage | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((item) => item.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.take(); item; item = this.take()) {
        let bytes = 0;
        let tail = new Uint8Array(0);
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                tail = data.length >= 6 ? data.slice(-6) : Uint8Array.from([...tail, ...data].slice(-6));
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = this.db.isInTransaction() ? item.handlerId : null;
          item.reject(error instanceof Error ? error : new Error(String(error)));
          continue;
        }
        const ready = tail.length === 6 && tail[0] === READY_FOR_QUERY;
        // A transaction stays with its connection even past Terminate, so the disconnect rolls it back.
        const open = this.db.isInTransaction() || (item.message[0] !== TERMINATE && !ready);
        this.owner = open ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (const item of this.queue.filter((queued) => queued.handlerId === handlerId))
      item.reject(new Error("Handler disconnected"));
    this.queue = this.queue.filter((queued) => queued.handlerId !== handlerId);
  }

  /** Called when a connection goes away: roll back what it left open and let the others run. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.process();
  }
}

/** A PGLiteSocketServer whose connections cannot split each other's queries. */
export function createPgliteSocketServer(options: ServerOptions): PGLiteSocketServer {
  const server = new PGLiteSocketServer(options);
  // The server hands its queue to each connection as it arrives, so replacing it before start() is enough.
  (server as unknown as { queryQueue: BatchQueue }).queryQueue = new BatchQueue(options.db);
  return server;
}
