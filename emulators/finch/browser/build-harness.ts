import path from "node:path";
import { build } from "vite";

const HARNESS_DIR = path.join(import.meta.dirname, "harness");

/** Bundles the harness page (React 19 + react-connect, production mode) into outDir. */
export async function buildHarness(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: HARNESS_DIR,
    base: "./",
    mode: "production",
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, minify: false, reportCompressedSize: false },
  });
}
