// /_emulator/* – JSON control endpoints for tests and demos (no auth; the server binds loopback only).
import { z } from "zod";
import { FINCH_STATUS_WORDS } from "../../../lib/finch/spec/connection-statuses";
import { faultRequestSchema } from "../../shared/faults";
import { createSandboxConnection } from "../api/create-sandbox-connection";
import type { EmulatorContext } from "../context";
import { DEFAULT_SANDBOX_PRODUCTS } from "../domain/products";
import { findProvider } from "../domain/providers";
import { errors } from "../http/finch-error";
import { json, redirect, type Reply } from "../../shared/http/reply";
import { isFormBody, parseJsonOrFormBody } from "../../shared/http/body";
import type { EmulatorRequest } from "../http/request";
import type { Route } from "../http/router";
import { validate } from "../http/validate";
import { bulkConnectionRoutes } from "./bulk-connections";
import { connectionView } from "./connection-view";
import { FAULT_STATUSES } from "./fault-registry";

const statusSchema = z.object({ status: z.enum(FINCH_STATUS_WORDS) });
const createConnectionSchema = z.object({
  provider_id: z.string().min(1),
  employee_size: z.coerce.number().int().min(1).max(1000).optional(),
  customer_name: z.string().max(255).optional(),
});
const latencySchema = z.object({ path: z.string().min(1), ms: z.coerce.number().int().min(0).max(120_000) });
const faultSchema = faultRequestSchema(FAULT_STATUSES);
const webhooksSchema = z.object({
  urls: z.array(z.url({ protocol: /^https?$/ })),
  authenticationMethodShape: z.enum(["object", "string"]).optional(),
});
const settingsSchema = z.object({ revokeOldTokensOnReauth: z.boolean().optional() });

/** Forms from the control page go back to it; scripts get JSON. */
function done(req: EmulatorRequest, body: unknown, notice: string): Reply {
  return isFormBody(req) ? redirect(`/?notice=${encodeURIComponent(notice)}`, 303) : json(body);
}

export function controlRoutes(ctx: EmulatorContext): Route[] {
  const view = (id: string) => {
    const connection = ctx.connections.get(id);
    if (!connection) throw errors.notFound(`Connection '${id}' not found`);
    return connection;
  };

  const routes: Omit<Route, "kind">[] = [
    {
      method: "POST",
      pattern: "/_emulator/reset",
      handle: (req) => {
        ctx.store.reset();
        ctx.faults.clear();
        ctx.rateLimits.reset();
        ctx.requestLog.clear();
        return done(req, { status: "reset" }, "Emulator state was reset");
      },
    },
    {
      method: "GET",
      pattern: "/_emulator/connections",
      handle: () =>
        json({ connections: ctx.connections.list().map((c) => connectionView(c, ctx.connections)) }),
    },
    {
      method: "POST",
      pattern: "/_emulator/connections",
      handle: (req) => {
        const body = validate(createConnectionSchema, parseJsonOrFormBody(req));
        if (!findProvider(body.provider_id))
          throw errors.badRequest(`Unknown provider '${body.provider_id}'`);
        const { connection, token } = createSandboxConnection(ctx.connections, {
          providerId: body.provider_id,
          authenticationType: "credential",
          products: DEFAULT_SANDBOX_PRODUCTS,
          employeeCount: body.employee_size ?? 20,
          customerName: body.customer_name || null,
        });
        return done(
          req,
          { ...connectionView(connection, ctx.connections), access_token: token.accessToken },
          `Created connection ${connection.id} with access token ${token.accessToken}`,
        );
      },
    },
    {
      method: "POST",
      pattern: "/_emulator/connections/:id/status",
      handle: (req) => {
        const connection = view(req.params.id ?? "");
        const { status } = validate(statusSchema, parseJsonOrFormBody(req));
        ctx.connections.setStatus(connection, status);
        return done(
          req,
          connectionView(connection, ctx.connections),
          `Connection ${connection.id} is now ${status}`,
        );
      },
    },
    {
      method: "POST",
      pattern: "/_emulator/connections/:id/entities/:entityId/status",
      handle: (req) => {
        const connection = view(req.params.id ?? "");
        const entityId = req.params.entityId ?? "";
        const entity = connection.entities?.find((e) => e.id === entityId);
        if (!entity)
          throw errors.notFound(`Entity '${entityId}' is not part of connection '${connection.id}'`);
        const { status } = validate(statusSchema, parseJsonOrFormBody(req));
        ctx.connections.setEntityStatus(connection, entity.id, status);
        return done(
          req,
          connectionView(connection, ctx.connections),
          `${entity.name} on connection ${connection.id} is now ${status}`,
        );
      },
    },
    { method: "GET", pattern: "/_emulator/codes", handle: () => json({ codes: ctx.store.state.codes }) },
    {
      method: "GET",
      pattern: "/_emulator/sessions",
      handle: () => json({ sessions: ctx.store.state.sessions }),
    },
    {
      method: "GET",
      pattern: "/_emulator/latency",
      handle: () => json({ latency: ctx.faults.list().latency }),
    },
    {
      method: "POST",
      pattern: "/_emulator/latency",
      handle: (req) => {
        const { path, ms } = validate(latencySchema, parseJsonOrFormBody(req));
        ctx.faults.setLatency(path, ms);
        return json({ latency: ctx.faults.list().latency });
      },
    },
    { method: "GET", pattern: "/_emulator/faults", handle: () => json(ctx.faults.list()) },
    {
      method: "POST",
      pattern: "/_emulator/faults",
      handle: (req) => json({ fault: ctx.faults.addFault(validate(faultSchema, parseJsonOrFormBody(req))) }),
    },
    {
      method: "DELETE",
      pattern: "/_emulator/faults",
      handle: () => {
        ctx.faults.clear();
        return json(ctx.faults.list());
      },
    },
    { method: "GET", pattern: "/_emulator/webhooks", handle: () => json(ctx.store.state.webhooks) },
    {
      method: "PUT",
      pattern: "/_emulator/webhooks",
      handle: (req) => {
        const body = validate(webhooksSchema, parseJsonOrFormBody(req));
        ctx.store.state.webhooks = {
          urls: body.urls,
          authenticationMethodShape:
            body.authenticationMethodShape ?? ctx.store.state.webhooks.authenticationMethodShape,
        };
        ctx.store.save();
        return json(ctx.store.state.webhooks);
      },
    },
    {
      method: "GET",
      pattern: "/_emulator/webhooks/deliveries",
      handle: () => json({ deliveries: [...ctx.store.state.deliveries].reverse() }),
    },
    {
      method: "PUT",
      pattern: "/_emulator/settings",
      handle: (req) => {
        const body = validate(settingsSchema, parseJsonOrFormBody(req));
        if (body.revokeOldTokensOnReauth !== undefined)
          ctx.store.state.revokeOldTokensOnReauth = body.revokeOldTokensOnReauth;
        ctx.store.save();
        return json({ revokeOldTokensOnReauth: ctx.store.state.revokeOldTokensOnReauth });
      },
    },
  ];
  return [...bulkConnectionRoutes(ctx), ...routes].map((route) => ({ ...route, kind: "control" }));
}
