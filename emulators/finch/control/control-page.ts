// GET / – a control page for people: break and restore connections during a demo, watch webhooks.
import type { EmulatorContext } from "../context";
import { PROVIDERS } from "../domain/providers";
import { escapeHtml } from "../../shared/escape-html";
import { renderStandInPage } from "../../shared/page/stand-in-page";
import { html } from "../../shared/http/reply";
import type { EmulatorRequest } from "../http/request";
import type { Route } from "../http/router";
import type { WebhookDeliveryRecord } from "../state/types";
import { rateLimitSection } from "../rate-limits/rate-limit-section";
import { connectionView } from "./connection-view";

const CONTROL_STYLES = `
section{background:var(--panel);border:1px solid var(--line);border-radius:12px;padding:20px;margin-bottom:20px;overflow-x:auto}
.status{display:inline-block;border-radius:999px;padding:1px 10px;font-weight:600;font-size:12px;background:var(--hover)}
.status-connected,.status-delivered{background:var(--ok-soft);color:var(--ok)}
.status-reauth,.status-failed{background:var(--danger-soft);color:var(--danger)}
.status-pending{background:var(--warn-soft);color:var(--warn)}
form{display:inline}.actions{white-space:nowrap}
.row{display:flex;flex-wrap:wrap;gap:12px;align-items:end}`;

const statusBadge = (status: string) =>
  `<span class="status status-${escapeHtml(status)}">${escapeHtml(status)}</span>`;

function connectionRows(ctx: EmulatorContext): string {
  const rows = ctx.connections.list().map((c) => {
    const v = connectionView(c, ctx.connections);
    const action = (status: string, label: string) =>
      `<form method="post" action="/_emulator/connections/${encodeURIComponent(v.connection_id)}/status"><input type="hidden" name="status" value="${status}"><button type="submit">${label}</button></form>`;
    const entityAction = (entityId: string, status: string, label: string) =>
      `<form method="post" action="/_emulator/connections/${encodeURIComponent(v.connection_id)}/entities/${encodeURIComponent(entityId)}/status"><input type="hidden" name="status" value="${status}"><button type="submit">${label}</button></form>`;
    // Multi-entity connections list each entity with its own break and restore.
    const entities = c.entities
      ? `<ul aria-label="Entities">${c.entities
          .map(
            (e) =>
              `<li>${escapeHtml(e.name)} ${statusBadge(e.status)} ${entityAction(e.id, "reauth", `Break ${escapeHtml(e.name)}`)} ${entityAction(e.id, "connected", `Restore ${escapeHtml(e.name)}`)}</li>`,
          )
          .join("")}</ul>`
      : "";
    const controls =
      c.status === "disconnected"
        ? `<span class="muted">Disconnected</span>`
        : `${action("reauth", "Require reauthentication")} ${action("connected", "Restore")}`;
    return `<tr><td>${escapeHtml(v.company_name ?? "")}<div class="muted">${escapeHtml(v.customer_name ?? "")}${v.username ? ` · ${escapeHtml(v.username)}` : ""}</div></td>
<td>${escapeHtml(v.provider_id)}</td><td><code>${escapeHtml(v.connection_id)}</code></td><td>${statusBadge(v.status)}${entities}</td>
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
    const body = `<h1>Finch emulator</h1>
<p class="muted">API and Connect at <code>${escapeHtml(ctx.publicUrl())}</code> · control API under <code>/_emulator</code></p>
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
<section aria-labelledby="reset"><h2 id="reset">Reset</h2><form method="post" action="/_emulator/reset"><button type="submit">Reset all emulator state</button></form></section>`;
    return html(
      renderStandInPage({
        title: "Control",
        service: "Finch emulator",
        mark: "F",
        badge: "Local Finch stand-in · no real payroll data",
        layout: "wide",
        body,
        styles: CONTROL_STYLES,
      }),
    );
  };
  return [{ method: "GET", pattern: "/", kind: "ui", handle: page }];
}
