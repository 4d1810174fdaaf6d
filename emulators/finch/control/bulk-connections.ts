// POST /_emulator/connections/bulk – many sandbox connections at once, each with its access token, for
// benchmarks and scripts that need a fleet (5,000 calls to /sandbox/connections would be the slow way).
import { z } from "zod";
import { createSandboxConnection } from "../api/create-sandbox-connection";
import type { EmulatorContext } from "../context";
import { DEFAULT_SANDBOX_PRODUCTS } from "../domain/products";
import { findProvider } from "../domain/providers";
import { errors } from "../http/finch-error";
import { json } from "../../shared/http/reply";
import { parseJsonBody } from "../../shared/http/body";
import type { Route } from "../http/router";
import { validate } from "../http/validate";

// A fleet benchmark seeds 100,000 in batches; one call stays a few megabytes.
export const MAX_BULK_CONNECTIONS = 20_000;

const bulkSchema = z.object({
  count: z.number().int().min(1).max(MAX_BULK_CONNECTIONS),
  provider_id: z.string().min(1).default("gusto"),
  employee_size: z.number().int().min(1).max(1000).default(5),
});

export function bulkConnectionRoutes(ctx: EmulatorContext): Omit<Route, "kind">[] {
  return [
    {
      method: "POST",
      pattern: "/_emulator/connections/bulk",
      handle: (req) => {
        const body = validate(bulkSchema, parseJsonBody(req));
        if (!findProvider(body.provider_id))
          throw errors.badRequest(`Unknown provider '${body.provider_id}'`);
        const created = Array.from({ length: body.count }, () =>
          createSandboxConnection(ctx.connections, {
            providerId: body.provider_id,
            authenticationType: "credential",
            products: DEFAULT_SANDBOX_PRODUCTS,
            employeeCount: body.employee_size,
          }),
        );
        return json({
          connections: created.map(({ connection, token }) => ({
            connection_id: connection.id,
            company_id: connection.companyId,
            products: connection.products,
            access_token: token.accessToken,
          })),
        });
      },
    },
  ];
}
