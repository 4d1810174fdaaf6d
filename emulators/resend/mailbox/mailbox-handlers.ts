// GET /, GET /messages/:id(/source), POST /mailbox/clear – the pages a person reads mail in.
import { html as htmlReply, redirect, type Reply } from "../../shared/http/reply";
import type { RouteRequest } from "../../shared/http/router";
import type { EmulatorContext } from "../emulator-context";
import { renderMailboxPage } from "./mailbox-page";
import { renderMessagePage, type MessageView } from "./message-page";
import { PAGE_SECURITY_HEADERS, renderPage } from "./page-layout";
import { html } from "./html";

export function handleMailbox(req: RouteRequest, ctx: EmulatorContext): Reply {
  const { url } = req;
  const to = url.searchParams.get("to")?.trim() || null;
  const { emails } = ctx.state.emails.list({ to: to ?? undefined });
  const page = renderMailboxPage({
    emails,
    total: ctx.state.emails.count(),
    to,
    autoRefresh: url.searchParams.get("refresh") !== "off",
    baseUrl: `http://${req.headers.host ?? "127.0.0.1"}`,
  });
  return htmlReply(page, 200, PAGE_SECURITY_HEADERS);
}

export function handleMessage(req: RouteRequest, ctx: EmulatorContext): Reply {
  const email = ctx.state.emails.get(req.params.id ?? "");
  if (!email) return notFoundPage();
  const view = req.url.searchParams.get("view");
  const requested: MessageView | null = view === "html" || view === "text" ? view : null;
  return htmlReply(renderMessagePage(email, requested), 200, PAGE_SECURITY_HEADERS);
}

/** The email's HTML exactly as sent, as its own sandboxed document (no scripts, no same-origin). */
export function handleMessageSource(req: RouteRequest, ctx: EmulatorContext): Reply {
  const email = ctx.state.emails.get(req.params.id ?? "");
  if (!email?.html) return notFoundPage();
  return htmlReply(email.html, 200, {
    ...PAGE_SECURITY_HEADERS,
    "content-security-policy": `sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; ${PAGE_SECURITY_HEADERS["content-security-policy"]}`,
  });
}

export function handleMailboxClear(ctx: EmulatorContext): Reply {
  ctx.state.emails.clear();
  ctx.state.idempotency.clear();
  ctx.state.persist();
  return redirect("/", 303);
}

function notFoundPage(): Reply {
  const content = html`<h1>Email not found</h1>
    <p>It may have been cleared. <a href="/">Back to all emails</a></p>`;
  return htmlReply(renderPage({ title: "Email not found", content }), 404, PAGE_SECURITY_HEADERS);
}
