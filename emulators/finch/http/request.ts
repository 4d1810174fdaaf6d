import type { IncomingMessage } from "node:http";
import { errors } from "./finch-error";

const MAX_BODY_BYTES = 1024 * 1024;

/** What a route handler sees of an incoming request. The body is read up front (bounded). */
export interface EmulatorRequest {
  method: string;
  url: URL;
  path: string;
  params: Record<string, string>;
  headers: IncomingMessage["headers"];
  rawBody: string;
  requestId: string;
}

export async function readRawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw errors.payloadTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON body; an empty body counts as `{}` because the SDK sends none for some POSTs. */
export function jsonBody(req: EmulatorRequest): unknown {
  if (req.rawBody.trim() === "") return {};
  try {
    return JSON.parse(req.rawBody) as unknown;
  } catch {
    throw errors.badRequest("Request body is not valid JSON");
  }
}

export function isFormRequest(req: EmulatorRequest): boolean {
  return (req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
}

export function formBody(req: EmulatorRequest): URLSearchParams {
  return new URLSearchParams(req.rawBody);
}

/** Control endpoints accept both JSON (scripts, tests) and urlencoded forms (the control page). */
export function jsonOrFormBody(req: EmulatorRequest): unknown {
  return isFormRequest(req) ? Object.fromEntries(formBody(req)) : jsonBody(req);
}
