// GET /emails, GET /emails/:id and DELETE /emails – read back (or clear) what was sent.
import { authorizeRequest } from "./authorize-request";
import type { EmulatorContext } from "../emulator-context";
import { toEmailResource } from "./email-resource";
import { json, type Reply } from "../../shared/http/reply";
import type { RouteRequest } from "../../shared/http/router";
import { errorReply, notFound, resendError, type ResendError } from "./resend-errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function handleListEmails(req: RouteRequest, ctx: EmulatorContext): Reply {
  const authError = optionalAuth(req, ctx);
  if (authError) return errorReply(authError);
  const limit = parseLimit(req.url.searchParams.get("limit"));
  if (limit === "invalid") {
    return errorReply(
      resendError(
        422,
        "validation_error",
        "Invalid `limit` parameter. It must be a number between 1 and 100.",
      ),
    );
  }
  const to = req.url.searchParams.get("to") ?? undefined;
  const { emails, hasMore } = ctx.state.emails.list({ to, limit });
  return json({ object: "list", has_more: hasMore, data: emails.map(toEmailResource) });
}

export function handleGetEmail(req: RouteRequest, ctx: EmulatorContext): Reply {
  const id = req.params.id ?? "";
  const authError = optionalAuth(req, ctx);
  if (authError) return errorReply(authError);
  if (!UUID.test(id))
    return errorReply(resendError(422, "invalid_parameter", "The `id` must be a valid UUID."));
  const email = ctx.state.emails.get(id);
  if (!email) return errorReply(notFound("Email not found"));
  return json(toEmailResource(email));
}

/** Not a Resend endpoint: a test helper that empties the mailbox (and forgets idempotency keys). */
export function handleClearEmails(req: RouteRequest, ctx: EmulatorContext): Reply {
  const authError = optionalAuth(req, ctx);
  if (authError) return errorReply(authError);
  const deleted = ctx.state.emails.clear();
  ctx.state.idempotency.clear();
  ctx.state.persist();
  return json({ object: "list", deleted });
}

/**
 * The SDK always sends its key, and a wrong one is rejected as Resend would; a request with no
 * header at all is a test or a person inspecting the mailbox, so it is let through.
 */
function optionalAuth(req: RouteRequest, ctx: EmulatorContext): ResendError | null {
  if (req.headers.authorization === undefined) return null;
  return authorizeRequest(req.headers.authorization, { apiKey: ctx.apiKey });
}

function parseLimit(value: string | null): number | undefined | "invalid" {
  if (value === null) return undefined;
  const limit = Number(value);
  return Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : "invalid";
}
