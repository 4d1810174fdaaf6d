// POST /emails and POST /emails/batch – authenticate, maybe fail on purpose, dedupe, store.
import type { IncomingMessage, ServerResponse } from "node:http";
import { acceptBatch, acceptEmail, type SendOutcome } from "./accept-sends";
import { authorizeRequest } from "./authorize-request";
import type { EmulatorContext } from "../emulator-context";
import { readBody, sendError, sendJson } from "../http/http-io";
import { fingerprintOf } from "../state/idempotency-cache";
import { resendError, type ResendError } from "./resend-errors";

export type SendKind = "single" | "batch";

export async function handleSend(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: EmulatorContext,
  kind: SendKind,
): Promise<void> {
  // Read the body first so an early error never leaves unread bytes on a keep-alive connection.
  const raw = await readBody(req);
  const authError = authorizeRequest(req.headers.authorization, { apiKey: ctx.apiKey });
  if (authError) return sendError(res, authError);
  const key = idempotencyKeyOf(req);
  if (typeof key === "object" && key !== null) return sendError(res, key);

  const fault = ctx.state.faults.next();
  if (fault) {
    ctx.log(`injected ${fault.error.statusCode} ${fault.error.name} for ${kind} send`);
    return sendError(res, fault.error, fault.headers);
  }

  const body = parseJson(raw);
  if (body === INVALID_JSON) {
    return sendError(res, resendError(400, "validation_error", "Invalid JSON in the request body."));
  }

  const scope = kind === "single" ? "POST /emails" : "POST /emails/batch";
  const fingerprint = fingerprintOf(body);
  if (key !== null) {
    const seen = ctx.state.idempotency.lookup(scope, key, fingerprint);
    if (seen.kind === "replay") return sendJson(res, seen.status, seen.body);
    if (seen.kind === "conflict") {
      return sendError(
        res,
        resendError(
          409,
          "invalid_idempotent_request",
          "Same idempotency key used with a different request payload.",
        ),
      );
    }
  }

  const outcome = accept(kind, body, req, ctx);
  if (!outcome.ok) return sendError(res, outcome.error);
  // Recorded before the first await, so a concurrent retry with the same key already sees it.
  if (key !== null) ctx.state.idempotency.remember(scope, key, fingerprint, 200, outcome.body);
  for (const email of outcome.accepted)
    ctx.log(`accepted ${email.id} to ${email.to.join(", ")}: ${email.subject}`);
  ctx.state.persist();
  sendJson(res, 200, outcome.body);
}

function accept(kind: SendKind, body: unknown, req: IncomingMessage, ctx: EmulatorContext): SendOutcome {
  if (kind === "single") return acceptEmail(body, ctx.state.emails);
  const mode = req.headers["x-batch-validation"] === "permissive" ? "permissive" : "strict";
  return acceptBatch(body, mode, ctx.state.emails);
}

/** The Idempotency-Key header, null when absent, or Resend's error for a key out of bounds. */
function idempotencyKeyOf(req: IncomingMessage): string | null | ResendError {
  const value = req.headers["idempotency-key"];
  if (value === undefined) return null;
  const key = Array.isArray(value) ? value.join(",") : value;
  if (key.length < 1 || key.length > 256) {
    return resendError(400, "invalid_idempotency_key", "The key must be between 1-256 chars.");
  }
  return key;
}

const INVALID_JSON = Symbol("invalid json");

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return INVALID_JSON;
  }
}
