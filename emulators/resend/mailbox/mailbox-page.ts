// The list of received emails at `/`, newest first.
import { formatAbsolute, formatRelative } from "./format-time";
import { html } from "./html";
import { renderPage } from "./page-layout";
import type { StoredEmail } from "../state/stored-email";

export interface MailboxPageOptions {
  emails: StoredEmail[];
  total: number;
  /** The recipient filter, when one is applied. */
  to: string | null;
  autoRefresh: boolean;
  /** Shown in the empty state so a newcomer knows what to point RESEND_BASE_URL at. */
  baseUrl: string;
}

const REFRESH_SECONDS = 10;

export function renderMailboxPage(options: MailboxPageOptions): string {
  const query = options.to ? `?to=${encodeURIComponent(options.to)}` : "";
  const pauseHref = `/?${new URLSearchParams({ ...(options.to ? { to: options.to } : {}), refresh: "off" }).toString()}`;
  const heading = options.to ? `Emails to ${options.to}` : "All emails";
  const content = html`
    <h1>${heading}</h1>
    <div class="toolbar">
      <span>${countLabel(options.emails.length, options.total, options.to)}</span>
      <a href="/${query}">Refresh</a>
      ${
        options.autoRefresh
          ? html`<span>Refreshes every ${REFRESH_SECONDS} s · <a href="${pauseHref}">Pause</a></span>`
          : html`<span>Auto-refresh paused · <a href="/${query}">Resume</a></span>`
      }
      <span class="spacer"></span>
      <form method="get" action="/" role="search">
        <label class="visually-hidden" for="to-filter">Filter by recipient</label>
        <input
          id="to-filter"
          type="search"
          name="to"
          value="${options.to ?? ""}"
          placeholder="Filter by recipient"
        />
        <button type="submit">Filter</button>
      </form>
      <form method="post" action="/mailbox/clear">
        <button class="danger" type="submit">Clear all</button>
      </form>
    </div>
    ${
      options.emails.length === 0
        ? emptyState(options)
        : html`<ol class="messages">
            ${options.emails.map(messageRow)}
          </ol>`
    }
  `;
  return renderPage({
    title: heading,
    content,
    refreshSeconds: options.autoRefresh ? REFRESH_SECONDS : undefined,
  });
}

function messageRow(email: StoredEmail) {
  return html`<li class="message">
    <span class="to" title="${email.to.join(", ")}"
      ><span class="visually-hidden">To: </span>${email.to.join(", ")}</span
    >
    <a class="subject" href="/messages/${email.id}">${email.subject || "(no subject)"}</a>
    <time datetime="${email.created_at}" title="${formatAbsolute(email.created_at)}"
      >${formatRelative(email.created_at)}</time
    >
  </li>`;
}

function emptyState(options: MailboxPageOptions) {
  if (options.to)
    return html`<p class="empty">No emails to ${options.to} yet. <a href="/">Show all emails</a></p>`;
  return html`<div class="empty">
    <p><strong>No emails yet.</strong></p>
    <p>Point the app at this emulator with <code>RESEND_BASE_URL=${options.baseUrl}</code> and send one.</p>
  </div>`;
}

function countLabel(shown: number, total: number, to: string | null): string {
  const noun = (n: number) => (n === 1 ? "email" : "emails");
  return to ? `${shown} of ${total} ${noun(total)}` : `${total} ${noun(total)}`;
}
