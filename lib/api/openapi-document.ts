// The OpenAPI 3.1 document of /api/v1, generated from the endpoints' own zod schemas: request parts
// inline (as the client sends them), answers and shared shapes as components (as the server sends them).
import { z } from "zod";
import { API_ERROR_CODES, type ApiErrorCode } from "./api-errors";
import type { EndpointSpec } from "./define-endpoint";
import { connectionSchema, errorBody, organizationRef } from "./contract/shared";

type AnyEndpoint = EndpointSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;
type JsonObject = Record<string, unknown>;

const ref = (id: string) => `#/components/schemas/${id}`;

const RETRY_AFTER = {
  description: "Seconds to wait before trying again.",
  schema: { type: "integer", minimum: 0 },
};

/** The errors every endpoint may answer, beside its own. */
const COMMON_ERRORS: ApiErrorCode[] = [
  "unauthorized",
  "forbidden",
  "invalid_request",
  "rate_limited",
  "internal",
];

export function openApiDocument(
  endpoints: readonly AnyEndpoint[],
  info: { version: string; serverUrl: string },
) {
  const registry = z.registry<{ id: string }>();
  registry.add(errorBody, { id: "Error" });
  registry.add(organizationRef, { id: "OrganizationRef" });
  registry.add(connectionSchema, { id: "Connection" });
  const answerIds = new Map<z.ZodType, string>();
  for (const endpoint of endpoints) {
    for (const [status, answer] of Object.entries(endpoint.responses)) {
      if (!answer.schema || registry.has(answer.schema)) continue;
      const id = `${capitalize(endpoint.operationId)}${status}`;
      registry.add(answer.schema, { id });
      answerIds.set(answer.schema, id);
    }
  }
  const { schemas } = z.toJSONSchema(registry, { uri: ref, io: "output", target: "draft-2020-12" }) as {
    schemas: Record<string, JsonObject>;
  };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }

  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const endpoint of endpoints) {
    (paths[endpoint.path] ??= {})[endpoint.method] = operation(endpoint, registry);
  }
  return {
    openapi: "3.1.0",
    info: { title: "Payroll Connections API", version: info.version },
    servers: [{ url: info.serverUrl }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: "http" as const, scheme: "bearer", description: "An API key (pck_…)." },
      },
    },
  };
}

function operation(endpoint: AnyEndpoint, registry: z.core.$ZodRegistry<{ id: string }>): JsonObject {
  const responses: Record<string, JsonObject> = {};
  for (const [status, answer] of Object.entries(endpoint.responses)) {
    const id = answer.schema ? registry.get(answer.schema)?.id : undefined;
    responses[status] = id
      ? { description: answer.description, content: { "application/json": { schema: { $ref: ref(id) } } } }
      : { description: answer.description };
  }
  const errors = new Set<ApiErrorCode>([
    ...COMMON_ERRORS,
    ...(endpoint.params ? (["not_found"] as const) : []),
    ...(endpoint.errors ?? []),
  ]);
  for (const code of errors) {
    const { status, meaning } = API_ERROR_CODES[code];
    responses[String(status)] ??= {
      description: meaning,
      ...(status === 429 || status === 503 ? { headers: { "Retry-After": RETRY_AFTER } } : {}),
      content: { "application/json": { schema: { $ref: ref("Error") } } },
    };
  }
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [endpoint.tag],
    "x-scope": endpoint.scope,
    parameters: [...parameters(endpoint.params, "path"), ...parameters(endpoint.query, "query")],
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: inputSchema(endpoint.body) } },
          },
        }
      : {}),
    responses,
  };
}

function parameters(schema: z.ZodType | undefined, place: "path" | "query"): JsonObject[] {
  if (!schema) return [];
  const json = inputSchema(schema) as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: place,
    required: place === "path" || (json.required ?? []).includes(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
}

function inputSchema(schema: z.ZodType): JsonObject {
  const json = z.toJSONSchema(schema, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as JsonObject;
  delete json.$schema;
  return json;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
