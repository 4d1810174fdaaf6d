// POST /auth/token – exchange a single-use Connect code for an access token (client creds in the body).
import { z } from "zod";
import type { EmulatorContext } from "../context";
import { liveEntities } from "../domain/entities";
import { credentialsMatch } from "../http/auth";
import { errors } from "../http/finch-error";
import { json } from "../../shared/http/reply";
import { parseJsonBody } from "../../shared/http/body";
import type { EmulatorRequest } from "../http/request";
import type { Route } from "../http/router";
import { validate } from "../http/validate";

const tokenRequestSchema = z.object({
  code: z.string().min(1),
  client_id: z.unknown().optional(),
  client_secret: z.unknown().optional(),
  redirect_uri: z.string().nullish(),
});

export function authTokenRoutes(ctx: EmulatorContext): Route[] {
  const exchange = (req: EmulatorRequest) => {
    const raw = parseJsonBody(req);
    // Client credentials are checked before the code so a wrong secret never reveals code validity.
    const creds = z.object({ client_id: z.unknown(), client_secret: z.unknown() }).partial().safeParse(raw);
    if (
      !creds.success ||
      !credentialsMatch(ctx.credentials, creds.data.client_id, creds.data.client_secret)
    ) {
      throw errors.invalidClient();
    }
    const body = validate(tokenRequestSchema, raw);

    const code = ctx.store.state.codes.find((c) => c.code === body.code);
    if (!code) throw errors.invalidGrant("Invalid authorization code");
    if (code.usedAt) throw errors.invalidGrant("Authorization code has already been used");
    if (Date.parse(code.expiresAt) <= Date.now()) throw errors.invalidGrant("Authorization code has expired");
    // An absent redirect_uri is accepted (the embedded flow sends none); a present one must match.
    if (body.redirect_uri != null && body.redirect_uri !== code.redirectUri) {
      throw errors.invalidGrant("redirect_uri does not match the one used to obtain the authorization code");
    }
    const connection = ctx.connections.get(code.connectionId);
    if (!connection || connection.status === "disconnected") {
      throw errors.invalidGrant("The connection behind this authorization code no longer exists");
    }

    code.usedAt = new Date().toISOString();
    const token = ctx.connections.issueToken(connection, code.products);
    if (ctx.store.state.revokeOldTokensOnReauth)
      ctx.connections.revokeTokens(connection.id, token.accessToken);

    return json({
      access_token: token.accessToken,
      token_type: "bearer",
      connection_id: connection.id,
      customer_id: connection.customerId,
      customer_name: connection.customerName,
      client_type: connection.clientType,
      connection_type: connection.connectionType,
      entity_ids: liveEntities(connection).map((e) => e.id),
      ...(connection.entities && {
        entities: liveEntities(connection).map((e) => ({
          id: e.id,
          name: e.name,
          source_id: e.sourceId,
          status: e.status,
        })),
      }),
      products: token.products,
      provider_id: connection.providerId,
      company_id: connection.companyId,
      account_id: connection.accountId,
    });
  };

  return [{ method: "POST", pattern: "/auth/token", kind: "api", handle: exchange }];
}
