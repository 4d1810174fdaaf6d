// GET /, GET /messages/:id(/source), POST /mailbox/clear – the pages a person reads mail in.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorContext } from "../emulator-context";
import { redirect, sendHtml } from "../http/http-io";
import { renderMailboxPage } from "./mailbox-page";
import { renderMessagePage, type MessageView } from "./message-page";
import { PAGE_SECURITY_HEADERS, renderPage } from "./page-layout";
import { html } from "./html";

export function handleMailbox(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: EmulatorContext,
): void {
  const to = url.searchParams.get("to")?.trim() || null;
  const { emails } = ctx.state.emails.list({ to: to ?? undefined });
  const page = renderMailboxPage({
    emails,
    total: ctx.state.emails.count(),
    to,
    autoRefresh: url.searchParams.get("refresh") !== "off",
    baseUrl: `http://${req.headers.host ?? "127.0.0.1"}`,
  });
  sendHtml(res, 200, page, PAGE_SECURITY_HEADERS);
}

export function handleMessage(res: ServerResponse, id: string, url: URL, ctx: EmulatorContext): void {
  const email = ctx.state.emails.get(id);
  if (!email) return sendNotFoundPage(res);
  const view = url.searchParams.get("view");
  const requested: MessageView | null = view === "html" || view === "text" ? view : null;
  sendHtml(res, 200, renderMessagePage(email, requested), PAGE_SECURITY_HEADERS);
}

/** The email's HTML exactly as sent, as its own sandboxed document (no scripts, no same-origin). */
export function handleMessageSource(res: ServerResponse, id: string, ctx: EmulatorContext): void {
  const email = ctx.state.emails.get(id);
  if (!email?.html) return sendNotFoundPage(res);
  sendHtml(res, 200, email.html, {
    ...PAGE_SECURITY_HEADERS,
    "content-security-policy": `sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; ${PAGE_SECURITY_HEADERS["content-security-policy"]}`,
  });
}

export async function handleMailboxClear(res: ServerResponse, ctx: EmulatorContext): Promise<void> {
  ctx.state.emails.clear();
  ctx.state.idempotency.clear();
  ctx.state.persist();
  redirect(res, "/");
}

function sendNotFoundPage(res: ServerResponse): void {
  const content = html`<h1>Email not found</h1>
    <p>It may have been cleared. <a href="/">Back to all emails</a></p>`;
  sendHtml(res, 404, renderPage({ title: "Email not found", content }), PAGE_SECURITY_HEADERS);
}
