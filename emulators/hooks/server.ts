// The local inbox for outgoing hooks: accepts Slack-style posts under /slack/… and Standard Webhooks
// posts under /hooks/…, verifies signatures when told the secret, and lists what arrived at "/" and
// GET /received. POST /_emulator/faults makes the next posts fail, so retries can be tested.
import { createServer } from "node:http";
import type { HttpProblem } from "../shared/http/http-problem";
import { closeServer, listen, serverUrl } from "../shared/http/listen";
import { json, type Reply } from "../shared/http/reply";
import { standInRequestHandler } from "../shared/http/serve";
import { hookRoutes } from "./hook-routes";
import { HookStore } from "./hook-store";

export interface HooksEmulatorOptions {
  host?: string;
  /** 0 = any free port. */
  port?: number;
  log?: (line: string) => void;
}

export interface RunningHooksEmulator {
  url: string;
  store: HookStore;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024;

/** Receivers answer in plain `{ error }` JSON. */
function problemReply(problem: HttpProblem): Reply {
  const message = problem.kind === "not-found" ? "POST to /slack/… or /hooks/…" : problem.message;
  return json({ error: message }, problem.status, problem.headers());
}

export async function startHooksEmulator(options: HooksEmulatorOptions = {}): Promise<RunningHooksEmulator> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => {});
  const store = new HookStore();
  const server = createServer(
    standInRequestHandler({
      label: "hooks-stand-in",
      routes: hookRoutes(store),
      maxBodyBytes: MAX_BODY_BYTES,
      jsonContentType: "application/json",
      extend: (req) => req,
      problemReply,
      errorReply: () => null,
      serverErrorReply: () => json({ error: "Internal error" }, 500),
      log,
    }),
  );
  const port = await listen(server, host, options.port ?? 4030, "Hooks stand-in");
  const url = serverUrl(host, port);
  log(`Hooks stand-in listening on ${url}`);
  return { url, store, close: () => closeServer(server) };
}
