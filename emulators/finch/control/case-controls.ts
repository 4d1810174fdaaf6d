// /_emulator/connections/:id/… – put a connection into the cases a repair must handle: how it was
// made (authentication type) and which products keep failing after a reconnect.
import { z } from "zod";
import type { EmulatorContext } from "../context";
import { isFinchProduct } from "../../../lib/finch/spec/products";
import { errors } from "../http/finch-error";
import { json } from "../../shared/http/reply";
import { parseJsonOrFormBody } from "../../shared/http/body";
import type { Route } from "../http/router";
import { validate } from "../http/validate";
import { AUTHENTICATION_TYPES } from "../state/types";
import { connectionView } from "./connection-view";

const authenticationTypeSchema = z.object({ authentication_type: z.enum(AUTHENTICATION_TYPES) });
const failingProductsSchema = z.object({
  products: z.array(z.string().refine(isFinchProduct, "not a Finch product")),
});

export function caseControlRoutes(ctx: EmulatorContext): Route[] {
  const find = (id: string | undefined) => {
    const connection = ctx.connections.get(id ?? "");
    if (!connection) throw errors.notFound(`Connection '${id}' not found`);
    return connection;
  };
  const save = () => ctx.store.save();

  return [
    {
      method: "POST",
      pattern: "/_emulator/connections/:id/authentication-type",
      kind: "control",
      // No webhook by itself: Finch reports the method with the next status change.
      handle: (req) => {
        const connection = find(req.params.id);
        connection.authenticationType = validate(
          authenticationTypeSchema,
          parseJsonOrFormBody(req),
        ).authentication_type;
        save();
        return json(connectionView(connection, ctx.connections));
      },
    },
    {
      method: "POST",
      pattern: "/_emulator/connections/:id/failing-products",
      kind: "control",
      // Survives reconnects: the provider account itself lacks the permission.
      handle: (req) => {
        const connection = find(req.params.id);
        connection.failingProducts = [
          ...new Set(validate(failingProductsSchema, parseJsonOrFormBody(req)).products),
        ];
        save();
        return json(connectionView(connection, ctx.connections));
      },
    },
  ];
}
