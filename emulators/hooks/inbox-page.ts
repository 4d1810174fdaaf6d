// The page at "/": what arrived, newest first, so a person trying the product sees what was sent (a
// signed post's event type beside its path: alerts and events to the host's backend alike).
import { escapeHtml } from "../shared/escape-html";
import { renderStandInPage } from "../shared/page/stand-in-page";
import type { ReceivedHook } from "./hook-store";

const INBOX_STYLES = `
.hooks{padding:0}.hooks li{list-style:none;background:var(--panel);border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:1rem 0}
.hooks h2{margin:0}`;

function badge(hook: ReceivedHook): string {
  if (hook.status >= 300) return `<span class="bad">answered ${hook.status} (injected)</span>`;
  if (hook.verified === true) return `<span class="ok">signature verified</span>`;
  if (hook.verified === false) return `<span class="bad">signature INVALID</span>`;
  return hook.path.startsWith("/hooks") ? `<span>no secret given, not verified</span>` : "";
}

/** The event's type for a Standard Webhooks post (an alert, or an event to the host's backend). */
export function eventType(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const type = (parsed as { type?: unknown } | null)?.type;
    return typeof type === "string" ? type : null;
  } catch {
    return null;
  }
}

function typeLabel(hook: ReceivedHook): string {
  const type = hook.path.startsWith("/hooks") ? eventType(hook.body) : null;
  return type ? ` <code>${escapeHtml(type)}</code>` : "";
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function inboxPage(hooks: ReceivedHook[]): string {
  const items = hooks
    .map(
      (hook) => `<li>
  <h2>POST ${escapeHtml(hook.path)}${typeLabel(hook)}</h2>
  <p>${escapeHtml(hook.receivedAt)} ${badge(hook)}</p>
  <details><summary>Headers</summary><pre>${escapeHtml(JSON.stringify(hook.headers, null, 2))}</pre></details>
  <pre>${escapeHtml(prettyBody(hook.body))}</pre>
</li>`,
    )
    .join("\n");
  const body = `<h1>Hooks inbox</h1>
<p>Slack-style posts arrive under <code>/slack/…</code>, signed webhooks (alert channels' and events to the host's backend, e.g. <code>connection.token_rotated</code>) under <code>/hooks/…</code>. JSON at <a href="/received">/received</a>.</p>
${hooks.length === 0 ? "<p>Nothing has arrived yet.</p>" : `<ul class="hooks" aria-label="Received hooks">${items}</ul>`}`;
  return renderStandInPage({
    title: "Received",
    service: "Hooks inbox",
    mark: "H",
    badge: "Local receiver for Slack posts and webhooks",
    layout: "wide",
    body,
    styles: INBOX_STYLES,
  });
}
