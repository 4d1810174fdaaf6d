// POST /_emulator/connections/bulk – many sandbox connections in one call (a benchmark's fleet of
// 100,000 would otherwise take 100,000 API calls to set up): their ids and access tokens.
import { z } from "zod";
import { json } from "../../shared/http/reply";
import { parseJsonBody } from "../../shared/http/body";
import { createSandboxConnection } from "../api/create-sandbox-connection";
import type { EmulatorContext } from "../context";
import { DEFAULT_SANDBOX_PRODUCTS } from "../domain/products";
import { findProvider } from "../domain/providers";
import { errors } from "../http/finch-error";
import type { Route } from "../http/router";
import { validate } from "../http/validate";

const bulkSchema = z.object({
  count: z.number().int().min(1).max(20_000),
  provider_id: z.string().min(1),
  employee_size: z.number().int().min(1).max(1000).optional(),
});

export function bulkConnectionRoutes(ctx: EmulatorContext): Route[] {
  return [
    {
      method: "POST",
      pattern: "/_emulator/connections/bulk",
      kind: "control",
      handle: (req) => {
        const body = validate(bulkSchema, parseJsonBody(req));
        if (!findProvider(body.provider_id))
          throw errors.badRequest(`Unknown provider '${body.provider_id}'`);
        const connections = Array.from({ length: body.count }, () => {
          const { connection, token } = createSandboxConnection(ctx.connections, {
            providerId: body.provider_id,
            authenticationType: "credential",
            products: DEFAULT_SANDBOX_PRODUCTS,
            employeeCount: body.employee_size ?? 5,
          });
          return {
            connection_id: connection.id,
            access_token: token.accessToken,
            products: connection.products,
          };
        });
        return json({ connections });
      },
    },
  ];
}
