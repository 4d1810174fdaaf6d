// GET / – a control page for people: break and restore connections during a demo, watch webhooks.
import type { EmulatorContext } from "../context";
import { PROVIDERS } from "../domain/providers";
import { escapeHtml } from "../connect-ui/html";
import { html } from "../../shared/http/reply";
import type { EmulatorRequest } from "../http/request";
import type { Route } from "../http/router";
import type { WebhookDeliveryRecord } from "../state/types";
import { rateLimitSection } from "../rate-limits/rate-limit-section";
import { connectionView } from "./connection-view";

const STYLES = `
body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#101828;background:#f9fafb}
header{background:#101828;color:#fff;padding:16px 24px}header h1{margin:0;font-size:18px}header p{margin:2px 0 0;color:#d0d5dd;font-size:13px}
main{max-width:1200px;margin:0 auto;padding:24px}
section{background:#fff;border:1px solid #eaecf0;border-radius:12px;padding:20px;margin-bottom:20px;overflow-x:auto}
h2{font-size:16px;margin:0 0 12px}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:8px;border-bottom:1px solid #eaecf0;vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#667085}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;word-break:break-all}
.status{display:inline-block;border-radius:999px;padding:1px 10px;font-weight:600;font-size:12px;background:#f2f4f7}
.status-connected,.status-delivered{background:#ecfdf3;color:#067647}.status-reauth,.status-failed{background:#fef3f2;color:#b42318}
.status-pending{background:#fffaeb;color:#b54708}
form{display:inline}.actions{white-space:nowrap}button{font:inherit;padding:6px 10px;border-radius:6px;border:1px solid #d0d5dd;background:#fff;cursor:pointer}
button.primary{background:#5925dc;border-color:#5925dc;color:#fff}
.notice{background:#ecfdf3;border:1px solid #abefc6;color:#067647;border-radius:8px;padding:10px 12px;margin-bottom:20px;word-break:break-all}
.row{display:flex;flex-wrap:wrap;gap:12px;align-items:end}label{display:block;font-weight:600;font-size:13px;margin-bottom:4px}
select,input{font:inherit;padding:6px 8px;border:1px solid #d0d5dd;border-radius:6px}
.muted{color:#667085}`;

const statusBadge = (status: string) =>
  `<span class="status status-${escapeHtml(status)}">${escapeHtml(status)}</span>`;

function connectionRows(ctx: EmulatorContext): string {
  const rows = ctx.connections.list().map((c) => {
    const v = connectionView(c, ctx.connections);
    const action = (status: string, label: string) =>
      `<form method="post" action="/_emulator/connections/${encodeURIComponent(v.connection_id)}/status"><input type="hidden" name="status" value="${status}"><button type="submit">${label}</button></form>`;
    const controls =
      c.status === "disconnected"
        ? `<span class="muted">Disconnected</span>`
        : `${action("reauth", "Require reauthentication")} ${action("connected", "Restore")}`;
    return `<tr><td>${escapeHtml(v.company_name ?? "")}<div class="muted">${escapeHtml(v.customer_name ?? "")}${v.username ? ` · ${escapeHtml(v.username)}` : ""}</div></td>
<td>${escapeHtml(v.provider_id)}</td><td><code>${escapeHtml(v.connection_id)}</code></td><td>${statusBadge(v.status)}</td>
<td>${v.active_token_count} active / ${v.token_count}</td><td class="actions">${controls}</td></tr>`;
  });
  if (rows.length === 0)
    return `<p class="muted">No connections yet. Connect through the app, or create a sandbox connection below.</p>`;
  return `<table><thead><tr><th>Company</th><th>Provider</th><th>Connection id</th><th>Status</th><th>Tokens</th><th>Actions</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function deliveryRows(deliveries: WebhookDeliveryRecord[]): string {
  if (deliveries.length === 0) return `<p class="muted">No webhooks sent yet.</p>`;
  const rows = deliveries
    .slice(-20)
    .reverse()
    .map((d) => {
      const last = d.attempts[d.attempts.length - 1];
      const status = (JSON.parse(d.payload) as { data?: { status?: string } }).data?.status ?? "";
      return `<tr><td><code>${escapeHtml(d.eventId)}</code></td><td>${escapeHtml(d.eventType)} → ${escapeHtml(status)}</td><td><code>${escapeHtml(d.connectionId)}</code></td>
<td><code>${escapeHtml(d.url)}</code></td><td>${statusBadge(d.status)}</td><td>${d.attempts.length}${last ? ` (last: ${escapeHtml(String(last.statusCode ?? last.error ?? ""))})` : ""}</td></tr>`;
    });
  return `<table><thead><tr><th>Event</th><th>Type</th><th>Connection</th><th>Endpoint</th><th>Status</th><th>Attempts</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

export function controlPageRoutes(ctx: EmulatorContext): Route[] {
  const page = (req: EmulatorRequest) => {
    const notice = req.url.searchParams.get("notice");
    const options = PROVIDERS.map(
      (p) => `<option value="${escapeHtml(p.id)}">${escapeHtml(p.display_name)}</option>`,
    ).join("");
    const webhooks = ctx.store.state.webhooks;
    return html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Finch emulator</title><style>${STYLES}</style></head><body>
<header><h1>Finch emulator</h1><p>API and Connect at <code>${escapeHtml(ctx.publicUrl())}</code> · control API under <code>/_emulator</code></p></header>
<main>
${notice ? `<div class="notice" role="status">${escapeHtml(notice)}</div>` : ""}
<section aria-labelledby="connections"><h2 id="connections">Connections</h2>${connectionRows(ctx)}</section>
<section aria-labelledby="create"><h2 id="create">Create sandbox connection</h2>
<form method="post" action="/_emulator/connections"><div class="row">
<div><label for="provider_id">Provider</label><select id="provider_id" name="provider_id">${options}</select></div>
<div><label for="customer_name">Customer name</label><input id="customer_name" name="customer_name" placeholder="optional"></div>
<div><label for="employee_size">Employees</label><input id="employee_size" name="employee_size" type="number" min="1" max="1000" value="20"></div>
<div><button class="primary" type="submit">Create sandbox connection</button></div></div></form></section>
<section aria-labelledby="webhooks"><h2 id="webhooks">Recent webhook deliveries</h2>
<p class="muted">Endpoints: ${webhooks.urls.map((u) => `<code>${escapeHtml(u)}</code>`).join(", ") || "none"} · authentication_method sent as ${escapeHtml(webhooks.authenticationMethodShape)}</p>
${deliveryRows(ctx.store.state.deliveries)}</section>
${rateLimitSection(ctx.rateLimits)}
<section aria-labelledby="reset"><h2 id="reset">Reset</h2><form method="post" action="/_emulator/reset"><button type="submit">Reset all emulator state</button></form></section>
</main></body></html>`);
  };
  return [{ method: "GET", pattern: "/", kind: "ui", handle: page }];
}
