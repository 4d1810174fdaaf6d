// POST /emails and POST /emails/batch – authenticate, maybe fail on purpose, dedupe, store.
import { acceptBatch, acceptEmail, type SendOutcome } from "./accept-sends";
import { authorizeRequest } from "./authorize-request";
import type { EmulatorContext } from "../emulator-context";
import { parseJsonBody } from "../../shared/http/body";
import { json, type Reply } from "../../shared/http/reply";
import type { RouteRequest } from "../../shared/http/router";
import { fingerprintOf } from "../state/idempotency-cache";
import { errorReply, resendError, type ResendError } from "./resend-errors";

export type SendKind = "single" | "batch";

export function handleSend(req: RouteRequest, ctx: EmulatorContext, kind: SendKind): Reply {
  // The kit has read the body already, so an early error never leaves unread bytes on a keep-alive socket.
  const authError = authorizeRequest(req.headers.authorization, { apiKey: ctx.apiKey });
  if (authError) return errorReply(authError);
  const key = idempotencyKeyOf(req);
  if (typeof key === "object" && key !== null) return errorReply(key);

  const fault = ctx.state.faults.next(kind === "batch" ? "/emails/batch" : "/emails");
  if (fault) {
    ctx.log(`injected ${fault.error.statusCode} ${fault.error.name} for ${kind} send`);
    return errorReply(fault.error, fault.headers);
  }

  // Malformed JSON is thrown for the server to answer, after auth and faults as Resend does.
  const body = parseJsonBody(req, { allowEmpty: false });

  const scope = kind === "single" ? "POST /emails" : "POST /emails/batch";
  const fingerprint = fingerprintOf(body);
  if (key !== null) {
    const seen = ctx.state.idempotency.lookup(scope, key, fingerprint);
    if (seen.kind === "replay") return json(seen.body, seen.status);
    if (seen.kind === "conflict") {
      return errorReply(
        resendError(
          409,
          "invalid_idempotent_request",
          "Same idempotency key used with a different request payload.",
        ),
      );
    }
  }

  const outcome = accept(kind, body, req, ctx);
  if (!outcome.ok) return errorReply(outcome.error);
  // Recorded before answering, so a retry with the same key already sees it.
  if (key !== null) ctx.state.idempotency.remember(scope, key, fingerprint, 200, outcome.body);
  for (const email of outcome.accepted)
    ctx.log(`accepted ${email.id} to ${email.to.join(", ")}: ${email.subject}`);
  ctx.state.persist();
  return json(outcome.body);
}

function accept(kind: SendKind, body: unknown, req: RouteRequest, ctx: EmulatorContext): SendOutcome {
  if (kind === "single") return acceptEmail(body, ctx.state.emails);
  const mode = req.headers["x-batch-validation"] === "permissive" ? "permissive" : "strict";
  return acceptBatch(body, mode, ctx.state.emails);
}

/** The Idempotency-Key header, null when absent, or Resend's error for a key out of bounds. */
function idempotencyKeyOf(req: RouteRequest): string | null | ResendError {
  const value = req.headers["idempotency-key"];
  if (value === undefined) return null;
  const key = Array.isArray(value) ? value.join(",") : value;
  if (key.length < 1 || key.length > 256) {
    return resendError(400, "invalid_idempotency_key", "The key must be between 1-256 chars.");
  }
  return key;
}
