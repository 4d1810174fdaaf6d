// Maps method + path to a handler; unknown paths get Resend's 404, wrong methods its 405.
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  handleClearFault,
  handleGetFault,
  handleHealth,
  handleReset,
  handleSetFault,
} from "../control/control-handlers";
import { handleClearEmails, handleGetEmail, handleListEmails } from "../api/email-api-handlers";
import type { EmulatorContext } from "../emulator-context";
import { sendError } from "./http-io";
import {
  handleMailbox,
  handleMailboxClear,
  handleMessage,
  handleMessageSource,
} from "../mailbox/mailbox-handlers";
import { methodNotAllowed, notFound } from "../api/resend-errors";
import { handleSend } from "../api/send-handler";

interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: string[];
  ctx: EmulatorContext;
}

type Handler = (request: RouteRequest) => void | Promise<void>;

interface Route {
  pattern: RegExp;
  methods: Partial<Record<string, Handler>>;
}

const routes: Route[] = [
  {
    pattern: /^\/emails$/,
    methods: {
      POST: ({ req, res, ctx }) => handleSend(req, res, ctx, "single"),
      GET: ({ req, res, url, ctx }) => handleListEmails(req, res, url, ctx),
      DELETE: ({ req, res, ctx }) => handleClearEmails(req, res, ctx),
    },
  },
  {
    pattern: /^\/emails\/batch$/,
    methods: { POST: ({ req, res, ctx }) => handleSend(req, res, ctx, "batch") },
  },
  {
    pattern: /^\/emails\/([^/]+)$/,
    methods: { GET: ({ req, res, params, ctx }) => handleGetEmail(req, res, params[0] ?? "", ctx) },
  },
  { pattern: /^\/$/, methods: { GET: ({ req, res, url, ctx }) => handleMailbox(req, res, url, ctx) } },
  {
    pattern: /^\/messages\/([^/]+)$/,
    methods: { GET: ({ res, url, params, ctx }) => handleMessage(res, params[0] ?? "", url, ctx) },
  },
  {
    pattern: /^\/messages\/([^/]+)\/source$/,
    methods: { GET: ({ res, params, ctx }) => handleMessageSource(res, params[0] ?? "", ctx) },
  },
  { pattern: /^\/mailbox\/clear$/, methods: { POST: ({ res, ctx }) => handleMailboxClear(res, ctx) } },
  {
    pattern: /^\/_emulator\/faults$/,
    methods: {
      POST: ({ req, res, ctx }) => handleSetFault(req, res, ctx),
      GET: ({ res, ctx }) => handleGetFault(res, ctx),
      DELETE: ({ res, ctx }) => handleClearFault(res, ctx),
    },
  },
  { pattern: /^\/_emulator\/reset$/, methods: { POST: ({ res, ctx }) => handleReset(res, ctx) } },
  { pattern: /^\/_emulator\/health$/, methods: { GET: ({ res, ctx }) => handleHealth(res, ctx) } },
];

export async function route(req: IncomingMessage, res: ServerResponse, ctx: EmulatorContext): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(pathname);
    if (!match) continue;
    const handler = candidate.methods[req.method ?? "GET"];
    if (!handler)
      return sendError(res, methodNotAllowed(), { allow: Object.keys(candidate.methods).join(", ") });
    const params = match.slice(1).map(safeDecode);
    return handler({ req, res, url, params, ctx });
  }
  sendError(res, notFound());
}

/** A malformed escape such as `%E0%A4%A` is an unknown id, not a server error. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
