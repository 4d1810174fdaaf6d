// One state-file behaviour for every stand-in: read once at start, where a file that cannot be trusted
// is put aside (never overwritten) with a warning and the stand-in starts empty; written synchronously
// and atomically (temp file + rename) after each change, so a crash right after an answer loses nothing.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";

export interface StateFile<T> {
  /** What the file holds, or null when there is none (or it was put aside). */
  load(): T | null;
  save(contents: T): void;
}

export interface OpenStateFileOptions {
  /** null keeps everything in memory. */
  file: string | null;
  /** What must hold for the file to be trusted; a stand-in may check only the envelope of its own output. */
  schema: z.ZodType;
  /** Names the stand-in in the warning. */
  name: string;
  log: (line: string) => void;
}

export function openStateFile<T>({ file, schema, name, log }: OpenStateFileOptions): StateFile<T> {
  const target = file ? path.resolve(file) : null;
  return {
    load() {
      if (!target || !existsSync(target)) return null;
      let problem: string;
      try {
        const parsed = schema.safeParse(JSON.parse(readFileSync(target, "utf8")));
        if (parsed.success) return parsed.data as T;
        problem = "it does not look like this stand-in's state";
      } catch (error) {
        problem = `it cannot be read (${error instanceof Error ? error.message : String(error)})`;
      }
      const aside = `${target}.unreadable-${Date.now()}`;
      renameSync(target, aside);
      log(
        `${name}: warning: state file ${target} was put aside as ${aside} because ${problem}; starting empty`,
      );
      return null;
    },
    save(contents) {
      if (!target) return;
      mkdirSync(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, `${JSON.stringify(contents, null, 2)}\n`);
        renameSync(temp, target);
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      }
    },
  };
}
