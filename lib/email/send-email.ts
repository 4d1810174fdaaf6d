// The one way the product sends email: React Email renders HTML and text, the Resend SDK delivers.
import "server-only";
import type { ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";
import { Resend } from "resend";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export interface SendEmailOptions {
  to: string | string[];
  subject: string;
  react: ReactElement;
  /** Resend keeps one message per key for 24 h, so a retried send is never delivered twice. */
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

let client: Resend | undefined;

function resend(): Resend {
  const { RESEND_API_KEY, RESEND_BASE_URL } = env();
  client ??= new Resend(RESEND_API_KEY, RESEND_BASE_URL ? { baseUrl: RESEND_BASE_URL } : undefined);
  return client;
}

export async function sendEmail({
  to,
  subject,
  react,
  idempotencyKey,
  headers,
}: SendEmailOptions): Promise<{ id: string }> {
  const html = await render(react);
  const text = toPlainText(html);
  let result: Awaited<ReturnType<Resend["emails"]["send"]>>;
  try {
    result = await resend().emails.send(
      { from: env().EMAIL_FROM, to, subject, html, text, headers },
      idempotencyKey ? { idempotencyKey } : undefined,
    );
  } catch (cause) {
    throw new AppError("email_failed", "We could not send the email. Please try again.", {
      internal: "mail service unreachable",
      cause,
      retryable: true,
    });
  }
  if (result.error || !result.data) {
    const status = result.error?.statusCode ?? 0;
    // Resend's 429 says how long to wait; retrying sooner only meets another 429.
    const retryAfter = Number(result.headers?.["retry-after"]);
    throw new AppError("email_failed", "We could not send the email. Please try again.", {
      internal: `mail service refused the message: ${result.error?.name ?? "unknown"} (${status})`,
      retryable: status === 0 || status === 429 || status >= 500,
      retryAfterSeconds:
        Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 3600) : undefined,
    });
  }
  return { id: result.data.id };
}
