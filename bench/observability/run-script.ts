// Runs a TypeScript file of this folder in a fresh Node process (the span-cost runs):
// resolves with its stdout, and hands each chunk of it to `onLine` as it comes.
import { spawn } from "node:child_process";
import path from "node:path";

export function runScript(file: string, args: string[], onLine?: (line: string) => void) {
  const script = path.join(import.meta.dirname, file);
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    out += chunk;
    if (onLine && out.includes("\n")) onLine(out.trim());
  });
  const done = new Promise<string>((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${file} ${args[0] ?? ""} exited ${code}`)),
    ),
  );
  return { child, done };
}
