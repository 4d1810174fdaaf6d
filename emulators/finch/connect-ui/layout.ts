// The Finch Connect page: the stand-ins' shared shell in its one-card layout, plus Connect's own rules
// (the provider grid, the sign-in form, hints).
import { renderStandInPage } from "../../shared/page/stand-in-page";

const CONNECT_STYLES = `
.providers{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin:18px 0}
.provider{display:flex;align-items:center;gap:10px;width:100%;padding:12px;border:1px solid var(--line);border-radius:10px;
  background:var(--panel);font-weight:600;color:var(--ink);text-align:left}
.provider:hover,.provider:focus-visible{border-color:var(--accent);outline:none;box-shadow:0 0 0 3px var(--accent-soft)}
.provider img{width:28px;height:28px;flex:none}
.field{margin-bottom:14px}
input[type=text],input[type=password]{width:100%;padding:10px 12px}
.actions{display:flex;gap:10px;margin-top:18px}
.actions .button{flex:1;padding:11px 14px;font-weight:600}
.hint{font-size:13px;background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.hint code{white-space:nowrap;word-break:normal}
.provider-head{display:flex;align-items:center;gap:12px;margin-bottom:10px}
.provider-head img{width:40px;height:40px}
.link{font-size:14px;text-decoration:none}.link:hover{text-decoration:underline}
.back{margin:14px 0 0}
.footer{margin-top:20px;font-size:12px;text-align:center}
@media (max-width:420px){.providers{grid-template-columns:1fr}}
`;

/** One Connect step: a card titled by its `page-title` heading, an optional inline script. */
export function connectPage(title: string, body: string, script?: string): string {
  return renderStandInPage({
    title,
    service: "Finch Connect",
    mark: "F",
    badge: "Local emulator",
    layout: "card",
    labelledBy: "page-title",
    body: `${body}\n<p class="footer">Simulated Finch Connect. No real payroll account is contacted.</p>`,
    styles: CONNECT_STYLES,
    script,
  });
}
