// /_emulator/* – endpoints that only tests use: inject faults, reset, health.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorContext } from "../emulator-context";
import { faultRequestSchema } from "./fault-injector";
import { readBody, sendError, sendJson } from "../http/http-io";
import { resendError } from "../api/resend-errors";

export async function handleSetFault(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: EmulatorContext,
): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(await readBody(req));
  } catch {
    return sendError(res, resendError(400, "validation_error", "Invalid JSON in the request body."));
  }
  const parsed = faultRequestSchema.safeParse(json);
  if (!parsed.success) {
    return sendError(
      res,
      resendError(
        422,
        "validation_error",
        "Expected `{ status: 429 | 500 | 503, count?: positive integer, fraction?: 0..1, retryAfter?: seconds }`.",
      ),
    );
  }
  const fault = ctx.state.faults.set(parsed.data);
  ctx.log(`fault armed: ${JSON.stringify(fault)}`);
  sendJson(res, 200, { fault });
}

export function handleGetFault(res: ServerResponse, ctx: EmulatorContext): void {
  sendJson(res, 200, { fault: ctx.state.faults.current() });
}

export function handleClearFault(res: ServerResponse, ctx: EmulatorContext): void {
  ctx.state.faults.clear();
  sendJson(res, 200, { fault: null });
}

export async function handleReset(res: ServerResponse, ctx: EmulatorContext): Promise<void> {
  ctx.state.emails.clear();
  ctx.state.idempotency.clear();
  ctx.state.faults.clear();
  ctx.state.persist();
  sendJson(res, 200, { ok: true });
}

export function handleHealth(res: ServerResponse, ctx: EmulatorContext): void {
  sendJson(res, 200, { ok: true, emails: ctx.state.emails.count() });
}
