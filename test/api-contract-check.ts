// Checks an answer of /api/v1 against the OpenAPI document the API serves: the path template, method
// and status must be documented, and the body must match the documented schema (ajv, JSON Schema
// 2020-12). callApi runs it on every answer, so every API integration test checks the contract.
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { openApiDocument } from "@/lib/api/openapi-document";

type ApiDocument = ReturnType<typeof openApiDocument>;
type Operation = {
  responses: Record<string, { content?: { "application/json": { schema: { $ref?: string } } } }>;
};

const DOCUMENT_ID = "https://payroll-connections.test/openapi.json";

let compiled: { document: ApiDocument; ajv: Ajv2020 } | undefined;

function contract() {
  if (compiled) return compiled;
  const document = openApiDocument(API_ENDPOINTS, { version: "test", serverUrl: "http://localhost" });
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
  compiled = { document, ajv };
  return compiled;
}

/**
 * The documented path template that matches a concrete path (/api/v1/connections/abc → …/{id}). As in
 * Next.js's routing, a fixed segment wins over a parameter: /api/v1/connections/import is not …/{id}.
 */
export function matchPathTemplate(templates: string[], pathname: string): string | undefined {
  const params = (template: string) => template.split("{").length;
  return [...templates]
    .sort((a, b) => params(a) - params(b))
    .find((template) => {
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+");
      return new RegExp(`^${pattern}$`).test(pathname);
    });
}

const validators = new Map<string, ValidateFunction>();

/** Every documented answer is a reference to a component, relative to the document. */
function validatorFor(ajv: Ajv2020, schema: { $ref?: string }): ValidateFunction {
  if (!schema.$ref?.startsWith("#/")) throw new Error("answers are documented as component references");
  let validate = validators.get(schema.$ref);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}${schema.$ref}` });
    validators.set(schema.$ref, validate);
  }
  return validate;
}

/** Throws, naming what differs, when an answer is not what the document promises. */
export function checkAgainstContract(call: { method: string; url: string; status: number; body: unknown }) {
  const { document, ajv } = contract();
  const pathname = new URL(call.url, "http://localhost").pathname;
  const template = matchPathTemplate(Object.keys(document.paths), pathname);
  if (!template) throw new Error(`${pathname} is not a documented path`);
  const operation = document.paths[template][call.method.toLowerCase()] as Operation | undefined;
  if (!operation) throw new Error(`${call.method} ${template} is not documented`);
  const answer = operation.responses[String(call.status)];
  const where = `${call.method} ${template} ${call.status}`;
  if (!answer) throw new Error(`${where}: this status is not documented`);
  const schema = answer.content?.["application/json"].schema;
  if (!schema) {
    if (call.body !== null) throw new Error(`${where}: documented without a body, but one came`);
    return;
  }
  const validate = validatorFor(ajv, schema);
  if (!validate(call.body))
    throw new Error(`${where}: the body does not match the document: ${ajv.errorsText(validate.errors)}`);
}
