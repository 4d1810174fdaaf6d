// Starts the local Resend stand-in: Resend's HTTP API for the SDK, plus a mailbox for people.
import { createServer } from "node:http";
import type { HttpProblem } from "../shared/http/http-problem";
import { closeServer, listen, serverUrl } from "../shared/http/listen";
import type { Reply } from "../shared/http/reply";
import { standInRequestHandler } from "../shared/http/serve";
import { parseDomains } from "./api/domains-handler";
import { errorReply, methodNotAllowed, notFound, resendError } from "./api/resend-errors";
import { DEFAULT_DOMAINS, DEFAULT_HOST, DEFAULT_PORT } from "./defaults";
import type { EmulatorContext } from "./emulator-context";
import { resendRoutes } from "./http/routes";
import { loadEmulatorState } from "./state/emulator-state";

export interface ResendEmulatorOptions {
  host?: string; // default "127.0.0.1"
  port?: number; // default 4020; 0 = ephemeral
  stateFile?: string | null; // JSON file persisting messages; null = memory only
  apiKey?: string | null; // when set, only this Bearer key is accepted; when null any non-empty `re_…` key is accepted
  domains?: string; // GET /domains: "name[:status],…"; default "example.com" (verified)
  log?: (line: string) => void;
}

export interface RunningResendEmulator {
  url: string;
  close(): Promise<void>;
}

/** Resend caps an email at 40 MB; a little headroom covers base64 and JSON overhead. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

/** The kit's request problems in Resend's error body. */
function problemReply(problem: HttpProblem): Reply {
  const error = {
    "not-found": () => notFound(),
    "method-not-allowed": methodNotAllowed,
    "body-too-large": () => resendError(413, "validation_error", "Request body is too large."),
    "malformed-path": () => resendError(400, "validation_error", `${problem.message}.`),
    "malformed-json": () => resendError(400, "validation_error", "Invalid JSON in the request body."),
  }[problem.kind]();
  return errorReply(error, problem.headers());
}

export async function startResendEmulator(
  options: ResendEmulatorOptions = {},
): Promise<RunningResendEmulator> {
  const host = options.host ?? DEFAULT_HOST;
  const log = options.log ?? (() => {});
  const ctx: EmulatorContext = {
    state: loadEmulatorState(options.stateFile ?? null, log),
    apiKey: options.apiKey ?? null,
    domains: parseDomains(options.domains ?? DEFAULT_DOMAINS),
    log,
  };
  const server = createServer(
    standInRequestHandler({
      label: "resend-emulator",
      routes: resendRoutes(ctx),
      maxBodyBytes: MAX_BODY_BYTES,
      jsonContentType: "application/json; charset=utf-8",
      extend: (req) => req,
      problemReply,
      errorReply: () => null,
      serverErrorReply: () =>
        errorReply(resendError(500, "internal_server_error", "An unexpected error occurred.")),
      log,
    }),
  );
  const port = await listen(server, host, options.port ?? DEFAULT_PORT, "Resend emulator");
  const url = serverUrl(host, port);
  log(`Resend emulator listening on ${url}`);
  return { url, close: () => closeServer(server) };
}
