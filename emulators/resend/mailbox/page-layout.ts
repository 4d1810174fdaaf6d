// The HTML document around every mailbox page.
import { html, raw, type SafeHtml } from "./html";
import { PAGE_STYLES } from "./page-styles";

export interface PageOptions {
  title: string;
  content: SafeHtml;
  /** Reload the page after this many seconds (a meta refresh, since the page runs no script). */
  refreshSeconds?: number;
}

/** No script may run: the page needs none, and it shows HTML from emails. */
export const PAGE_SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src * data: blob:; font-src * data:; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
};

export function renderPage(options: PageOptions): string {
  const refresh = options.refreshSeconds
    ? html`<meta http-equiv="refresh" content="${options.refreshSeconds}" />`
    : "";
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        ${refresh}
        <title>${options.title} · Resend emulator</title>
        <style>
          ${raw(PAGE_STYLES)}
        </style>
      </head>
      <body>
        <a class="skip" href="#content">Skip to content</a>
        <header class="topbar">
          <div class="topbar-inner">
            <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">R</span> Mailbox</a>
            <span class="badge">Local Resend emulator · nothing is really sent</span>
          </div>
        </header>
        <main id="content">${options.content}</main>
      </body>
    </html> `.value;
}
