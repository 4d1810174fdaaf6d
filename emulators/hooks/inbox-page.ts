// The page at "/": what arrived, newest first, so a person trying the product sees what was sent.
import { escapeHtml } from "../shared/escape-html";
import type { ReceivedHook } from "./hook-store";

function badge(hook: ReceivedHook): string {
  if (hook.status >= 300) return `<span class="bad">answered ${hook.status} (injected)</span>`;
  if (hook.verified === true) return `<span class="ok">signature verified</span>`;
  if (hook.verified === false) return `<span class="bad">signature INVALID</span>`;
  return hook.path.startsWith("/hooks") ? `<span>no secret given, not verified</span>` : "";
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
  <h2>POST ${escapeHtml(hook.path)}</h2>
  <p>${escapeHtml(hook.receivedAt)} ${badge(hook)}</p>
  <details><summary>Headers</summary><pre>${escapeHtml(JSON.stringify(hook.headers, null, 2))}</pre></details>
  <pre>${escapeHtml(prettyBody(hook.body))}</pre>
</li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hooks inbox</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#0f172a}
li{list-style:none;border:1px solid #e2e8f0;border-radius:.5rem;padding:1rem;margin:1rem 0}
h2{font-size:1rem;margin:0}pre{background:#f8fafc;padding:.5rem;overflow:auto;font-size:.8rem}
.ok{color:#047857;font-weight:600}.bad{color:#b91c1c;font-weight:600}
</style></head>
<body><h1>Hooks inbox</h1>
<p>Slack-style posts arrive under <code>/slack/…</code>, signed webhooks under <code>/hooks/…</code>. JSON at <a href="/received">/received</a>.</p>
${hooks.length === 0 ? "<p>Nothing has arrived yet.</p>" : `<ul aria-label="Received hooks">${items}</ul>`}
</body></html>`;
}
