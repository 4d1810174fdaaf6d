// POST /sandbox/connections, POST and PUT /sandbox/connections/accounts – Finch Sandbox connection control.
import { z } from "zod";
import type { EmulatorContext } from "../context";
import { FINCH_PRODUCTS } from "../../../lib/finch/spec/products";
import { DEFAULT_SANDBOX_PRODUCTS } from "../domain/products";
import { findProvider } from "../domain/providers";
import { requireBasicClient, requireBearer } from "../http/auth";
import { errors } from "../http/finch-error";
import { json } from "../../shared/http/reply";
import { parseJsonBody } from "../../shared/http/body";
import type { EmulatorRequest } from "../http/request";
import type { Route } from "../http/router";
import { validate } from "../http/validate";
import { FINCH_CONNECTION_STATUSES } from "../../../lib/finch/spec/connection-statuses";
import { AUTHENTICATION_TYPES, type ConnectionRecord } from "../state/types";
import { createSandboxConnection } from "./create-sandbox-connection";

const createSchema = z.object({
  provider_id: z.string().min(1),
  authentication_type: z.enum(AUTHENTICATION_TYPES).optional(),
  products: z.array(z.enum(FINCH_PRODUCTS)).optional(),
  employee_size: z.number().int().min(1).max(1000).optional(),
});

const createAccountSchema = z.object({
  company_id: z.string().min(1),
  provider_id: z.string().min(1),
  authentication_type: z.enum(AUTHENTICATION_TYPES).optional(),
  products: z.array(z.enum(FINCH_PRODUCTS)).optional(),
});

const updateAccountSchema = z.object({ connection_status: z.enum(FINCH_CONNECTION_STATUSES).optional() });

const accountView = (connection: ConnectionRecord) => ({
  connection_id: connection.id,
  entity_id: connection.entityId,
  company_id: connection.companyId,
  account_id: connection.accountId,
  provider_id: connection.providerId,
  authentication_type: connection.authenticationType,
  products: connection.products,
});

function requireKnownProvider(providerId: string): void {
  if (!findProvider(providerId)) throw errors.badRequest(`Unknown provider '${providerId}'`);
}

export function sandboxRoutes(ctx: EmulatorContext): Route[] {
  const createConnection = (req: EmulatorRequest) => {
    requireBasicClient(req, ctx.credentials);
    const body = validate(createSchema, parseJsonBody(req));
    requireKnownProvider(body.provider_id);
    const { connection, token } = createSandboxConnection(ctx.connections, {
      providerId: body.provider_id,
      authenticationType: body.authentication_type ?? "credential",
      products: body.products ?? DEFAULT_SANDBOX_PRODUCTS,
      employeeCount: body.employee_size ?? 20,
    });
    return json({ access_token: token.accessToken, token_type: "bearer", ...accountView(connection) });
  };

  // A new token (account) for an existing company/provider pair; creates the pair if it is new.
  const createAccount = (req: EmulatorRequest) => {
    requireBasicClient(req, ctx.credentials);
    const body = validate(createAccountSchema, parseJsonBody(req));
    requireKnownProvider(body.provider_id);
    const products = body.products ?? DEFAULT_SANDBOX_PRODUCTS;
    const existing = ctx.connections.findByCompany(body.company_id, body.provider_id);
    if (existing) {
      ctx.connections.addProducts(existing, products);
      const token = ctx.connections.issueToken(existing, products);
      return json({ access_token: token.accessToken, ...accountView(existing) });
    }
    const { connection, token } = createSandboxConnection(ctx.connections, {
      providerId: body.provider_id,
      companyId: body.company_id,
      authenticationType: body.authentication_type ?? "credential",
      products,
      employeeCount: 20,
    });
    return json({ access_token: token.accessToken, ...accountView(connection) });
  };

  const updateAccount = (req: EmulatorRequest) => {
    const { connection } = requireBearer(req, ctx.connections);
    const body = validate(updateAccountSchema, parseJsonBody(req));
    if (body.connection_status) ctx.connections.setStatus(connection, body.connection_status);
    return json(accountView(connection));
  };

  return [
    { method: "POST", pattern: "/sandbox/connections", kind: "api", handle: createConnection },
    { method: "POST", pattern: "/sandbox/connections/accounts", kind: "api", handle: createAccount },
    { method: "PUT", pattern: "/sandbox/connections/accounts", kind: "api", handle: updateAccount },
  ];
}
