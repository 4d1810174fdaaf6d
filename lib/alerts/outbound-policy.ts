// Whether an alert destination gets the production rules (https, public addresses only). The app
// runs with NODE_ENV=production under `npm start` too, so locally the hooks inbox stand-in's origin
// (HOOKS_INBOX_URL, set only by the local launcher) is the one exception, and only for its receiving
// paths (/slack/…, /hooks/…): its control API (/_emulator/…, /received) gets the production rules.
import "server-only";
import { env, type Env } from "@/lib/env";

export function strictFor(url: string, config: Pick<Env, "NODE_ENV" | "HOOKS_INBOX_URL"> = env()): boolean {
  if (config.NODE_ENV !== "production") return false;
  const inbox = config.HOOKS_INBOX_URL;
  if (!inbox) return true;
  try {
    const target = new URL(url);
    // The URL parser has already removed dot segments, so /slack/../_emulator is /_emulator here.
    const receiving = /^\/(slack|hooks)\//.test(target.pathname);
    return !receiving || target.origin !== new URL(inbox).origin;
  } catch {
    return true;
  }
}
