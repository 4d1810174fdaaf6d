// The control page's view of the rate limits: current use of every window, and a switch.
import { escapeHtml } from "../connect-ui/html";
import type { FinchRateLimiter } from "./finch-rate-limiter";

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export function rateLimitSection(limiter: FinchRateLimiter): string {
  const usage = limiter.usage();
  const ipRows = usage.ip.addresses
    .map(
      (a) =>
        `<tr><td><code>${escapeHtml(a.ip)}</code></td><td>${a.used} / ${usage.ip.limit}</td><td>${a.peak}</td><td>${a.penaltyEndsAt ? `until ${escapeHtml(a.penaltyEndsAt)}` : "none"}</td></tr>`,
    )
    .join("");
  const productRows = usage.products
    .map((p) => `<tr><td>${escapeHtml(p.product)}</td><td>${p.used} / ${p.limit}</td><td>${p.peak}</td></tr>`)
    .join("");
  const next = usage.enabled ? "off" : "on";
  return `<section aria-labelledby="rate-limits"><h2 id="rate-limits">Rate limits: ${usage.enabled ? "on" : "off"}</h2>
<p class="muted">Per IP ${usage.ip.limit} per ${seconds(usage.ip.windowMs)} (penalty ${seconds(usage.ip.penaltyMs)}); per product per ${seconds(usage.products[0]?.windowMs ?? 0)}; window scale ${usage.windowScale}. Refused: ${usage.refused.finch_api_ip_rl} per IP, ${usage.refused.finch_application_rl} per application.</p>
<form method="post" action="/_emulator/rate-limits"><input type="hidden" name="enabled" value="${next}"><button type="submit">Turn rate limits ${next}</button></form>
<table aria-label="Per-IP usage"><thead><tr><th>IP</th><th>In window</th><th>Peak</th><th>Penalty</th></tr></thead><tbody>${ipRows || `<tr><td colspan="4" class="muted">No calls counted yet.</td></tr>`}</tbody></table>
<table aria-label="Per-product usage"><thead><tr><th>Product</th><th>In window</th><th>Peak</th></tr></thead><tbody>${productRows}</tbody></table></section>`;
}
