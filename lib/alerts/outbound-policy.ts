// Whether an alert destination gets the production rules (https, public addresses only). The app
// runs with NODE_ENV=production under `npm start` too, so locally the hooks inbox stand-in's origin
// (HOOKS_INBOX_URL, set only by the local launcher) is the one exception.
import "server-only";
import { env, type Env } from "@/lib/env";

export function strictFor(url: string, config: Pick<Env, "NODE_ENV" | "HOOKS_INBOX_URL"> = env()): boolean {
  if (config.NODE_ENV !== "production") return false;
  const inbox = config.HOOKS_INBOX_URL;
  if (!inbox) return true;
  try {
    return new URL(url).origin !== new URL(inbox).origin;
  } catch {
    return true;
  }
}
