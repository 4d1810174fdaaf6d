// POST /connect/sessions and /connect/sessions/reauthenticate – Basic-auth session creation for Connect.
import { z } from "zod";
import type { EmulatorContext } from "../context";
import { AUTHENTICATION_TYPES } from "../../../lib/finch/spec/authentication-types";
import { FINCH_PRODUCTS } from "../../../lib/finch/spec/products";
import { findProvider } from "../domain/providers";
import { requireBasicClient } from "../http/auth";
import { errors } from "../http/finch-error";
import { json } from "../../shared/http/reply";
import { parseJsonBody } from "../../shared/http/body";
import type { EmulatorRequest } from "../http/request";
import type { Route } from "../http/router";
import { validate } from "../http/validate";
import { newUuid } from "../state/ids";
import type { SessionRecord } from "../state/types";

const MAX_MINUTES = 129_600;
const NEW_SESSION_DEFAULT_MINUTES = 129_600;
const REAUTH_SESSION_DEFAULT_MINUTES = 43_200;

const productsSchema = z
  .array(z.enum(FINCH_PRODUCTS))
  .refine(
    (p) => !(p.includes("deduction") && p.includes("benefits")),
    "send either 'benefits' or 'deduction', not both",
  );
const minutesSchema = z.number().int().min(1).max(MAX_MINUTES).nullish();
const redirectUriSchema = z.url({ protocol: /^https?$/ }).nullish();

const newSessionSchema = z.object({
  customer_id: z.string().min(1).max(255),
  customer_name: z.string().min(1).max(255),
  customer_email: z.email().nullish(),
  products: productsSchema.refine((p) => p.length > 0, "at least one product is required"),
  integration: z
    .object({
      provider: z.string().min(1),
      auth_method: z.enum(AUTHENTICATION_TYPES).nullish(),
    })
    .nullish(),
  manual: z.boolean().nullish(),
  minutes_to_expire: minutesSchema,
  redirect_uri: redirectUriSchema,
  sandbox: z.enum(["finch", "provider"]).nullish(),
});

const reauthSessionSchema = z.object({
  connection_id: z.string().min(1),
  minutes_to_expire: minutesSchema,
  products: productsSchema.nullish(),
  redirect_uri: redirectUriSchema,
});

const expiresAt = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

export function connectSessionRoutes(ctx: EmulatorContext): Route[] {
  const connectUrl = (sessionId: string) =>
    `${ctx.publicUrl()}/authorize?session=${encodeURIComponent(sessionId)}`;

  const saveSession = (session: SessionRecord) => {
    ctx.store.state.sessions.push(session);
    ctx.store.save();
    return { session_id: session.id, connect_url: connectUrl(session.id) };
  };

  const createSession = (req: EmulatorRequest) => {
    requireBasicClient(req, ctx.credentials);
    const body = validate(newSessionSchema, parseJsonBody(req));
    if (body.integration && !findProvider(body.integration.provider)) {
      throw errors.badRequest(`Unknown provider '${body.integration.provider}'`);
    }
    const response = saveSession({
      id: newUuid(),
      kind: "new",
      customerId: body.customer_id,
      customerName: body.customer_name,
      customerEmail: body.customer_email ?? null,
      products: body.products,
      providerId: body.integration?.provider ?? null,
      authMethod: body.integration?.auth_method ?? null,
      redirectUri: body.redirect_uri ?? null,
      sandbox: body.sandbox ?? null,
      manual: body.manual ?? false,
      connectionId: null,
      createdAt: new Date().toISOString(),
      expiresAt: expiresAt(body.minutes_to_expire ?? NEW_SESSION_DEFAULT_MINUTES),
      completedAt: null,
    });
    return json(response, 200);
  };

  const createReauthSession = (req: EmulatorRequest) => {
    requireBasicClient(req, ctx.credentials);
    const body = validate(reauthSessionSchema, parseJsonBody(req));
    const connection = ctx.connections.get(body.connection_id);
    if (!connection) throw errors.notFound(`Connection '${body.connection_id}' not found`);
    if (connection.status === "disconnected") {
      throw errors.badRequest("This connection was disconnected; create a new Connect session instead");
    }
    const response = saveSession({
      id: newUuid(),
      kind: "reauthenticate",
      customerId: connection.customerId,
      customerName: connection.customerName,
      customerEmail: connection.customerEmail,
      products: body.products ?? connection.products,
      providerId: connection.providerId,
      authMethod: connection.authenticationType,
      redirectUri: body.redirect_uri ?? null,
      sandbox: connection.clientType === "sandbox" ? "finch" : null,
      manual: false,
      connectionId: connection.id,
      createdAt: new Date().toISOString(),
      expiresAt: expiresAt(body.minutes_to_expire ?? REAUTH_SESSION_DEFAULT_MINUTES),
      completedAt: null,
    });
    // Finch documents 201 Created for this endpoint.
    return json(response, 201);
  };

  return [
    { method: "POST", pattern: "/connect/sessions", kind: "api", handle: createSession },
    { method: "POST", pattern: "/connect/sessions/reauthenticate", kind: "api", handle: createReauthSession },
  ];
}
