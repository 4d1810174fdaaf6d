// Ids from URLs are checked by shape before any query: a NUL byte or a 5 kB string is a 400, not a
// database error.
import { z } from "zod";
import { AppError } from "@/lib/errors";

// Our ids are cuids or `conn_<base64url>`: short, URL-safe.
const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && RECORD_ID.test(value);
}

/** The id itself, or a 400 that names what was expected. */
export function parseRecordId(value: unknown, what = "record"): string {
  if (isRecordId(value)) return value;
  throw new AppError("bad_request", `This ${what} id is not valid.`);
}

/** The same check for a form field (server actions): `what` names the id in the message. */
export function recordIdSchema(what = "record") {
  return z.string().refine(isRecordId, { error: `This ${what} id is not valid.` });
}
