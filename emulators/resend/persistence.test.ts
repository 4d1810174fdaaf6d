import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  listEmails,
  sampleEmail,
  sdkFor,
  startTestEmulator,
  withTempDir,
} from "./test-support/test-emulator";

describe("state file", () => {
  it("keeps emails and idempotency keys across a restart", () =>
    withTempDir(async (dir) => {
      const stateFile = path.join(dir, "nested", "resend.json");
      const before = await startTestEmulator({ stateFile });
      const sent = await sdkFor(before).emails.send(sampleEmail, { idempotencyKey: "outbox/1" });
      await sdkFor(before).emails.send({ ...sampleEmail, subject: "Second" });
      await before.close();

      const after = await startTestEmulator({ stateFile });
      try {
        expect((await listEmails(after)).map((email) => email.subject)).toEqual([
          "Second",
          sampleEmail.subject,
        ]);
        const retry = await sdkFor(after).emails.send(sampleEmail, { idempotencyKey: "outbox/1" });
        expect(retry.data?.id).toBe(sent.data?.id);
        expect(await listEmails(after)).toHaveLength(2);
      } finally {
        await after.close();
      }
    }));

  it("is written atomically: valid JSON on disk after every response, no temp files left", () =>
    withTempDir(async (dir) => {
      const stateFile = path.join(dir, "resend.json");
      const emulator = await startTestEmulator({ stateFile });
      try {
        const resend = sdkFor(emulator);
        await Promise.all(
          Array.from({ length: 10 }, (_, index) =>
            resend.emails.send({ ...sampleEmail, subject: `#${index}` }),
          ),
        );
        const onDisk = JSON.parse(await readFile(stateFile, "utf8")) as { emails: unknown[] };

        expect(onDisk.emails).toHaveLength(10);
        expect(await readdir(dir)).toEqual(["resend.json"]);
      } finally {
        await emulator.close();
      }
    }));

  it("persists a clear", () =>
    withTempDir(async (dir) => {
      const stateFile = path.join(dir, "resend.json");
      const first = await startTestEmulator({ stateFile });
      await sdkFor(first).emails.send(sampleEmail);
      await fetch(`${first.url}/emails`, { method: "DELETE" });
      await first.close();

      const second = await startTestEmulator({ stateFile });
      expect(await listEmails(second)).toEqual([]);
      await second.close();
    }));

  it("puts a file it cannot read aside with a warning and starts empty, never overwriting it", () =>
    withTempDir(async (dir) => {
      const stateFile = path.join(dir, "resend.json");
      await writeFile(stateFile, "{ not json");
      const lines: string[] = [];
      const emulator = await startTestEmulator({ stateFile, log: (line) => lines.push(line) });
      try {
        expect(await listEmails(emulator)).toEqual([]);
        const aside = (await readdir(dir)).find((name) => name.startsWith("resend.json.unreadable-"));
        expect(aside).toBeDefined();
        expect(await readFile(path.join(dir, aside ?? ""), "utf8")).toBe("{ not json");
        expect(lines.join("\n")).toMatch(/warning: state file .* was put aside/);
      } finally {
        await emulator.close();
      }
    }));

  it("stays in memory when stateFile is null", () =>
    withTempDir(async (dir) => {
      const emulator = await startTestEmulator({ stateFile: null });
      await sdkFor(emulator).emails.send(sampleEmail);
      await emulator.close();
      expect(await readdir(dir)).toEqual([]);
    }));
});
