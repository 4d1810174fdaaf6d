// What a build of the app is made from, and one fingerprint of it (paths, sizes, modification times):
// the launcher rebuilds, and the benchmarks rebuild their copy, exactly when it changes.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Everything `next build` reads from the project: a change to any of these needs a new build. */
export const APP_SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "types",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "package.json",
  "package-lock.json",
  "postcss.config.mjs",
  "tailwind.config.ts",
  "tsconfig.json",
  "prisma/schema.prisma",
] as const;

/** Tests never reach a build. */
export function isNotTest(file: string): boolean {
  return !/\.test\.tsx?$/.test(file);
}

/** The fingerprint of `entries` under `root`; `extra` is mixed in (e.g. files a benchmark adds to its copy). */
export function sourceFingerprint(
  root: string,
  entries: readonly string[] = APP_SOURCES,
  extra = "",
): string {
  const hash = crypto.createHash("sha256");
  hash.update(extra);
  const visit = (file: string) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat || !isNotTest(file)) return;
    if (stat.isDirectory()) {
      // Generated code follows from prisma/schema.prisma, which is fingerprinted itself.
      for (const entry of fs.readdirSync(file).sort())
        if (entry !== "generated") visit(path.join(file, entry));
    } else {
      hash.update(`${path.relative(root, file)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const entry of entries) visit(path.join(root, entry));
  return hash.digest("hex");
}
