// Reads and atomically writes the emulator's JSON state file (write to a temp file, then rename).
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { idempotencyRecordSchema } from "./idempotency-cache";
import { storedEmailSchema } from "./stored-email";

export const stateFileSchema = z.object({
  version: z.literal(1),
  emails: z.array(storedEmailSchema),
  idempotency: z.array(idempotencyRecordSchema).default([]),
});

export type StateFileContents = z.infer<typeof stateFileSchema>;

/** Null when the file does not exist yet; throws on a file it cannot trust, rather than overwrite it. */
export async function readStateFile(file: string): Promise<StateFileContents | null> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`Resend emulator: ${file} is not valid JSON; move it aside or delete it to start empty.`);
  }
  const parsed = stateFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `Resend emulator: ${file} does not look like an emulator state file; move it aside or delete it.`,
    );
  }
  return parsed.data;
}

/**
 * Serialises writes: at most one is in flight, and a burst of changes collapses into one more
 * write of the latest snapshot, so the file never goes back in time.
 */
export class StateFileWriter {
  private latest: StateFileContents | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly file: string) {}

  save(contents: StateFileContents): Promise<void> {
    this.latest = contents;
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.latest) {
      const contents = this.latest;
      this.latest = null;
      await writeAtomically(this.file, `${JSON.stringify(contents, null, 2)}\n`);
    }
  }
}

async function writeAtomically(file: string, data: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, data, "utf8");
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
