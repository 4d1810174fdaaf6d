// Tiny HTML helpers. Every interpolated value goes through escapeHtml; scripts get JSON that cannot
// close its own <script> tag.

import { escapeHtml } from "../../shared/escape-html";

export { escapeHtml };

export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function hiddenInputs(params: URLSearchParams, skip: string[] = []): string {
  return [...params]
    .filter(([name]) => !skip.includes(name))
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
}
