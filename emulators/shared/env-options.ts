// One way every stand-in reads its options from the environment, used by its own runner (main.ts) and
// by `npm run emulators`: unset or empty means the default, a malformed value stops it with the name.
import path from "node:path";

export type EnvSource = Record<string, string | undefined>;

export function stringOption(env: EnvSource, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value ? value : fallback;
}

export function portOption(env: EnvSource, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
  return port;
}

/** Comma-separated; unset means the default list, an empty value means none. */
export function listOption(env: EnvSource, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined) return fallback;
  return raw
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Where a stand-in keeps its state: DATA_DIR/<file> by default, an empty value means memory only. */
export function stateFileOption(env: EnvSource, name: string, fileName: string): string | null {
  const raw = env[name];
  if (raw !== undefined) return raw.trim() === "" ? null : path.resolve(raw);
  return path.join(path.resolve(env.DATA_DIR || ".data"), fileName);
}
