// One line of npm run doctor: a check's name, whether it passed, and what it saw or what to fix.
export interface CheckResult {
  ok: boolean;
  name: string;
  detail: string;
}

export const pass = (name: string, detail: string): CheckResult => ({ ok: true, name, detail });
export const fail = (name: string, detail: string): CheckResult => ({ ok: false, name, detail });

/** The raw environment the doctor checks (process.env, or a test's). */
export type RawEnv = Record<string, string | undefined>;

/** A variable's value, or its default when unset or empty. */
export function raw(env: RawEnv, name: string, fallback = ""): string {
  const value = env[name]?.trim();
  return value ? value : fallback;
}
