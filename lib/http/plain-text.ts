// Text from outside (query strings, forms, webhook bodies) that may reach PostgreSQL: no control
// characters (PostgreSQL refuses NUL in text) and well-formed Unicode (no lone surrogates).
import { z } from "zod";

// Cc: C0 controls, DEL and C1 controls; Cs: surrogates, which a `u` regex only sees when unpaired.
const UNSAFE = /[\p{Cc}\p{Cs}]/u;

export function isPlainText(value: string): boolean {
  return !UNSAFE.test(value);
}

/** The text with each control character and lone surrogate replaced by a space (for free text we keep). */
export function toPlainText(value: string): string {
  return value.replace(new RegExp(UNSAFE.source, "gu"), " ");
}

/** A zod string that refuses control characters and invalid Unicode. */
export const plainTextSchema = (message = "Remove control characters and invalid Unicode.") =>
  z.string().refine(isPlainText, { message });
