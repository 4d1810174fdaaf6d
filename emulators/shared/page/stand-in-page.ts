// The HTML shell of every stand-in page (Finch Connect, the Finch control page, the Resend mailbox,
// the hooks inbox): one document, one stylesheet base, a brand that says it is a local stand-in.
import { escapeHtml } from "../escape-html";
import { BASE_STYLES } from "./page-styles";

export interface StandInPageOptions {
  /** The page's own title; the service name is appended. */
  title: string;
  /** "Finch Connect", "Finch emulator", "Resend emulator", "Hooks inbox". */
  service: string;
  /** One letter in the brand mark. */
  mark: string;
  /** Says this is not the real service. */
  badge: string;
  /** `card`: one centred card, as Finch Connect shows; `wide`: a top bar and a wide column. */
  layout: "card" | "wide";
  /** The page body, already escaped. */
  body: string;
  /** Rules only this page needs. */
  styles?: string;
  /** Inline script (pages with a Content-Security-Policy that forbids scripts pass none). */
  script?: string;
  /** Reload after this many seconds (a meta refresh, so the page needs no script). */
  refreshSeconds?: number;
  /** The id of the heading that names the main region. */
  labelledBy?: string;
}

function brand(options: StandInPageOptions, tag: "a" | "span"): string {
  const href = tag === "a" ? ' href="/"' : "";
  return `<${tag} class="brand"${href}><span class="brand-mark" aria-hidden="true">${escapeHtml(options.mark)}</span> ${escapeHtml(options.service)}</${tag}>
<span class="badge">${escapeHtml(options.badge)}</span>`;
}

export function renderStandInPage(options: StandInPageOptions): string {
  const refresh = options.refreshSeconds
    ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">`
    : "";
  const labelledBy = options.labelledBy ? ` aria-labelledby="${escapeHtml(options.labelledBy)}"` : "";
  const header =
    options.layout === "wide"
      ? `<a class="skip" href="#content">Skip to content</a>
<header class="topbar"><div class="topbar-inner">${brand(options, "a")}</div></header>`
      : "";
  const cardBrand = options.layout === "card" ? `<div class="brand-row">${brand(options, "span")}</div>` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${refresh}
<title>${escapeHtml(options.title)} · ${escapeHtml(options.service)}</title>
<style>${BASE_STYLES}${options.styles ?? ""}</style>
</head>
<body class="layout-${options.layout}">
${header}
<main id="content" class="page"${labelledBy}>
${cardBrand}
${options.body}
</main>
${options.script ? `<script>${options.script}</script>` : ""}
</body>
</html>`;
}
