// Captures what the app logs (lib/log.ts) while a test runs: the JSON lines, and a way to stop.
import { Writable } from "node:stream";
import { createLogger } from "@/lib/log";

export function captureLogs(): { lines: string[]; text: () => string; restore: () => void } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  const globalForLog = globalThis as unknown as { payrollLogger?: unknown };
  const previous = globalForLog.payrollLogger;
  globalForLog.payrollLogger = createLogger(stream, "json");
  return {
    lines,
    text: () => lines.join("\n"),
    restore: () => {
      globalForLog.payrollLogger = previous;
    },
  };
}
