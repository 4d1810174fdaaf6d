// One endpoint of /api/v1 as data: its method, path, scope and the zod schemas of its path, query, body
// and answers. The route validates requests with these schemas, and the OpenAPI document is generated
// from the same ones (openapi-document.ts), so the contract cannot drift from the code.
import type { z } from "zod";
import type { ApiScope } from "@/lib/api-keys/api-scopes";
import type { ApiErrorCode } from "./api-errors";

type Schema = z.ZodType | undefined;
export type Parsed<T extends Schema> = T extends z.ZodType ? z.output<T> : undefined;

export interface ResponseSpec {
  description: string;
  /** Absent for an empty answer (204). */
  schema?: z.ZodType;
}

export interface EndpointSpec<
  P extends Schema = Schema,
  Q extends Schema = Schema,
  B extends Schema = Schema,
> {
  operationId: string;
  method: "get" | "post" | "delete";
  /** OpenAPI's form: /api/v1/connections/{id}. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  scope: ApiScope;
  params?: P;
  query?: Q;
  body?: B;
  /** The answers on success, by status; the error answers are added for every endpoint. */
  responses: Record<number, ResponseSpec>;
  /** Errors this endpoint may answer beyond every endpoint's (401, 403, 400, 429, 500; 404 with params). */
  errors?: ApiErrorCode[];
}

export function defineEndpoint<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(spec: EndpointSpec<P, Q, B>): EndpointSpec<P, Q, B> {
  return spec;
}
