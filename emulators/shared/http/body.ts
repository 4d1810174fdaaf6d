// Reading and parsing request bodies, the same way in every stand-in.
import type { IncomingMessage } from "node:http";
import { HttpProblem } from "./http-problem";

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw new HttpProblem("body-too-large", "Request body is too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Parses a JSON body. By default an empty body counts as `{}`, because Finch's SDK sends none for some
 * POSTs; Resend's API calls an empty body malformed (`allowEmpty: false`).
 */
export function parseJsonBody(req: { rawBody: string }, options: { allowEmpty?: boolean } = {}): unknown {
  if (req.rawBody.trim() === "" && options.allowEmpty !== false) return {};
  try {
    return JSON.parse(req.rawBody) as unknown;
  } catch {
    throw new HttpProblem("malformed-json", "Request body is not valid JSON");
  }
}

type HeaderMap = Record<string, string | string[] | undefined>;

/** A urlencoded form post (a page's button) rather than JSON. */
export function isFormBody(req: { headers: HeaderMap }): boolean {
  const type = req.headers["content-type"];
  return typeof type === "string" && type.startsWith("application/x-www-form-urlencoded");
}

/** Control endpoints accept both JSON (scripts, tests) and urlencoded forms (the pages' buttons). */
export function parseJsonOrFormBody(req: { headers: HeaderMap; rawBody: string }): unknown {
  return isFormBody(req) ? Object.fromEntries(new URLSearchParams(req.rawBody)) : parseJsonBody(req);
}
