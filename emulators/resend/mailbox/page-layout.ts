// The HTML document around every mailbox page: the stand-ins' shared shell, wide layout.
import { renderStandInPage } from "../../shared/page/stand-in-page";
import type { SafeHtml } from "./html";
import { MAILBOX_STYLES } from "./page-styles";

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
  return renderStandInPage({
    title: options.title,
    service: "Resend emulator",
    mark: "R",
    badge: "Local Resend emulator · nothing is really sent",
    layout: "wide",
    body: options.content.value,
    styles: MAILBOX_STYLES,
    refreshSeconds: options.refreshSeconds,
  });
}
