// /_emulator/* – endpoints that only tests use: inject faults, reset, health.
import { parseJsonBody } from "../../shared/http/body";
import { json, type Reply } from "../../shared/http/reply";
import type { RouteRequest } from "../../shared/http/router";
import type { EmulatorContext } from "../emulator-context";
import { faultRequestSchema } from "./fault-injector";
import { errorReply, resendError } from "../api/resend-errors";

export function handleSetFault(req: RouteRequest, ctx: EmulatorContext): Reply {
  const parsed = faultRequestSchema.safeParse(parseJsonBody(req, { allowEmpty: false }));
  if (!parsed.success) {
    return errorReply(
      resendError(
        422,
        "validation_error",
        "Expected `{ path?: /emails | /emails/batch | /emails*, status: 429 | 500 | 503, count?: positive integer, fraction?: 0..1, retryAfterSeconds?: seconds }`.",
      ),
    );
  }
  const fault = ctx.state.faults.add(parsed.data);
  ctx.log(`fault armed: ${JSON.stringify(fault)}`);
  return json({ fault });
}

export function handleGetFault(ctx: EmulatorContext): Reply {
  return json({ faults: ctx.state.faults.list() });
}

export function handleClearFault(ctx: EmulatorContext): Reply {
  ctx.state.faults.clear();
  return json({ fault: null });
}

export function handleReset(ctx: EmulatorContext): Reply {
  ctx.state.emails.clear();
  ctx.state.idempotency.clear();
  ctx.state.faults.clear();
  ctx.state.persist();
  return json({ ok: true });
}

export function handleHealth(ctx: EmulatorContext): Reply {
  return json({ ok: true, emails: ctx.state.emails.count() });
}
