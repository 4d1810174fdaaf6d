// One email at `/messages/:id`: who it was for, then its HTML or plain-text body.
import { embeddableEmailHtml, linkifiedText } from "./email-body-html";
import { formatAbsolute } from "./format-time";
import { html, type SafeHtml } from "./html";
import { renderPage } from "./page-layout";
import type { StoredEmail } from "../state/stored-email";

export type MessageView = "html" | "text";

export function renderMessagePage(email: StoredEmail, requested: MessageView | null): string {
  const view: MessageView = requested ?? (email.html ? "html" : "text");
  const content = html`
    <a class="back" href="/">← All emails</a>
    <article aria-labelledby="subject">
      <div class="card">
        <h1 id="subject">${email.subject || "(no subject)"}</h1>
        <dl class="meta">
          ${metaRow("From", email.from)} ${metaRow("To", email.to.join(", "))}
          ${email.cc ? metaRow("Cc", email.cc.join(", ")) : ""}
          ${email.bcc ? metaRow("Bcc", email.bcc.join(", ")) : ""}
          ${email.reply_to ? metaRow("Reply-To", email.reply_to.join(", ")) : ""}
          <dt>Date</dt>
          <dd><time datetime="${email.created_at}">${formatAbsolute(email.created_at)}</time></dd>
          ${email.scheduled_at ? metaRow("Scheduled", email.scheduled_at) : ""}
          ${email.tags ? metaRow("Tags", email.tags.map((tag) => `${tag.name}=${tag.value}`).join(", ")) : ""}
          ${email.attachments ? metaRow("Attachments", email.attachments.map((item) => item.filename ?? item.path ?? "unnamed").join(", ")) : ""}
          ${metaRow("ID", email.id)}
        </dl>
        ${email.headers ? headerList(email.headers) : ""}
      </div>
      <nav class="tabs" aria-label="Body format">
        <a href="/messages/${email.id}?view=html" ${view === "html" ? html`aria-current="page"` : ""}>HTML</a>
        <a href="/messages/${email.id}?view=text" ${view === "text" ? html`aria-current="page"` : ""}
          >Plain text</a
        >
        ${email.html ? html`<a class="aside" href="/messages/${email.id}/source">Open original HTML</a>` : ""}
      </nav>
      ${view === "html" ? htmlBody(email) : textBody(email)}
    </article>
  `;
  return renderPage({ title: email.subject || "(no subject)", content });
}

function htmlBody(email: StoredEmail): SafeHtml {
  if (!email.html)
    return html`<section class="body-panel text" aria-label="HTML body">
      <p>This email has no HTML part.</p>
    </section>`;
  return html`<section class="body-panel" aria-label="HTML body">
    <div class="email-host">
      <template shadowrootmode="open">${embeddableEmailHtml(email.html)}</template>
    </div>
  </section>`;
}

function textBody(email: StoredEmail): SafeHtml {
  if (!email.text)
    return html`<section class="body-panel text" aria-label="Plain-text body">
      <p>This email has no plain-text part.</p>
    </section>`;
  return html`<section class="body-panel text" aria-label="Plain-text body">
    <pre>${linkifiedText(email.text)}</pre>
  </section>`;
}

function metaRow(label: string, value: string): SafeHtml {
  return html`<dt>${label}</dt>
    <dd>${value}</dd>`;
}

function headerList(headers: Record<string, string>): SafeHtml {
  const rows = Object.entries(headers).map(([name, value]) => metaRow(name, value));
  return html`<details>
    <summary>Custom headers (${rows.length})</summary>
    <dl class="meta">${rows}</dl>
  </details>`;
}
