// One rule for the email addresses we accept from people (sign-in, invitations): a bare address,
// nothing that a mail header or a subject line could read as a name, a list or a new line.
import { z } from "zod";

export const EMAIL_MAX_LENGTH = 254;
export const EMAIL_ADDRESS_MESSAGE =
  "Enter one email address, like you@company.com, without a name, spaces or other characters around it.";

// Local part: the dot-atom characters of RFC 5322 without quotes; domain: letters, digits, hyphens, dots.
const bareAddress =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export type ParsedEmailAddress = { kind: "valid"; email: string } | { kind: "invalid"; message: string };

/** Trims, lower-cases (local part and domain, as every stored address is) and checks the shape. */
export function parseEmailAddress(raw: unknown): ParsedEmailAddress {
  if (typeof raw !== "string") return { kind: "invalid", message: EMAIL_ADDRESS_MESSAGE };
  const email = raw.trim().toLowerCase();
  if (email.length === 0 || email.length > EMAIL_MAX_LENGTH)
    return { kind: "invalid", message: EMAIL_ADDRESS_MESSAGE };
  if (!bareAddress.test(email) || email.startsWith(".") || email.includes("..") || email.includes(".@"))
    return { kind: "invalid", message: EMAIL_ADDRESS_MESSAGE };
  return { kind: "valid", email };
}

/** The same rule for zod schemas (forms and server actions). */
export const emailAddressSchema = z.string().transform((value, context) => {
  const parsed = parseEmailAddress(value);
  if (parsed.kind === "valid") return parsed.email;
  context.addIssue({ code: "custom", message: parsed.message });
  return z.NEVER;
});
