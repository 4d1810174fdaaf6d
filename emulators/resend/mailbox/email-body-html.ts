// Prepares an email's HTML for display inside the mailbox page, and its text with clickable links.
import { escapeHtml, raw, type SafeHtml } from "./html";

/**
 * The body goes into an open shadow root (declarative `<template shadowrootmode>`): its styles
 * cannot restyle the mailbox, yet its links are ordinary links in the page, so a person and
 * Playwright's `getByRole('link')` can both click them. Targets are removed so a click navigates
 * this tab instead of opening a popup; the API still returns the HTML untouched.
 */
export function embeddableEmailHtml(source: string): SafeHtml {
  const body = source
    .replace(/<!doctype[^>]*>/gi, "")
    .replace(/<\/?(?:html|head)\b[^>]*>/gi, "")
    // <body> is dropped by the template parser, and with it the email's background and font.
    .replace(/<body\b([^>]*)>/gi, '<div class="email-body"$1>')
    .replace(/<\/body\s*>/gi, "</div>")
    .replace(/<a\b[^>]*>/gi, (tag) => tag.replace(/\s+target\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ""))
    // An email must not be able to close the template and escape into the page.
    .replace(/<\/template/gi, "&lt;/template");
  return raw(body);
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/** Escaped plain text in which URLs become links (trailing punctuation stays outside them). */
export function linkifiedText(text: string): SafeHtml {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const url = match[0].replace(/[.,;:!?)\]]+$/, "");
    out += `${escapeHtml(text.slice(last, start))}<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  return raw(out + escapeHtml(text.slice(last)));
}
