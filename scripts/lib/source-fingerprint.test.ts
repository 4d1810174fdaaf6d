import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APP_SOURCES, sourceFingerprint } from "./source-fingerprint";

let root: string;

function write(file: string, text: string, mtime = new Date("2026-01-01T00:00:00Z")) {
  const target = path.join(root, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  fs.utimesSync(target, mtime, mtime);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "fingerprint-"));
  write("app/page.tsx", "export default function Page() {}");
  write("lib/db.ts", "export const db = 1;");
  write("instrumentation.ts", "export function register() {}");
  write("types/next-auth.d.ts", "export {};");
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("sourceFingerprint", () => {
  it("changes when instrumentation.ts changes, so npm start rebuilds after it", () => {
    expect(APP_SOURCES).toContain("instrumentation.ts");
    const before = sourceFingerprint(root);
    write("instrumentation.ts", "export function register() { start(); }", new Date("2026-01-02T00:00:00Z"));
    expect(sourceFingerprint(root)).not.toBe(before);
  });

  it("changes when a source file or a type augmentation changes", () => {
    const before = sourceFingerprint(root);
    write("types/next-auth.d.ts", "export { Session };", new Date("2026-01-02T00:00:00Z"));
    const afterTypes = sourceFingerprint(root);
    expect(afterTypes).not.toBe(before);
    write("lib/db.ts", "export const db = 2;", new Date("2026-01-03T00:00:00Z"));
    expect(sourceFingerprint(root)).not.toBe(afterTypes);
  });

  it("ignores tests and generated code, and mixes in the extra text", () => {
    const before = sourceFingerprint(root);
    write("lib/db.test.ts", "test();");
    write("lib/generated/prisma/client.ts", "export {};");
    expect(sourceFingerprint(root)).toBe(before);
    expect(sourceFingerprint(root, APP_SOURCES, "baseline route")).not.toBe(before);
  });
});
