import { describe, expect, it } from "vitest";
import { sampleEmail, sdkFor, setupTestEmulator } from "./test-support/test-emulator";

const emulator = setupTestEmulator();

async function page(pathname: string): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await fetch(`${emulator.url}${pathname}`);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe("mailbox pages", () => {
  it("lists emails newest first with recipient and subject, linking to each", async () => {
    const resend = sdkFor(emulator);
    const older = await resend.emails.send({ ...sampleEmail, subject: "Older news" });
    const newer = await resend.emails.send({
      ...sampleEmail,
      to: "grace@example.com",
      subject: "Fresh news",
    });

    const { status, headers, body } = await page("/");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("text/html");
    expect(body.indexOf("Fresh news")).toBeLessThan(body.indexOf("Older news"));
    expect(body).toContain(`href="/messages/${newer.data?.id}"`);
    expect(body).toContain(`href="/messages/${older.data?.id}"`);
    expect(body).toContain("grace@example.com");
  });

  it("shows a helpful empty state", async () => {
    const { body } = await page("/");
    expect(body).toContain("No emails yet");
    expect(body).toContain(`RESEND_BASE_URL=${emulator.url}`);
  });

  it("filters the list by recipient", async () => {
    const resend = sdkFor(emulator);
    await resend.emails.send({ ...sampleEmail, subject: "For Ada" });
    await resend.emails.send({ ...sampleEmail, to: "grace@example.com", subject: "For Grace" });

    const { body } = await page("/?to=grace%40example.com");
    expect(body).toContain("For Grace");
    expect(body).not.toContain("For Ada");
  });

  it("escapes subjects and addresses, and forbids scripts", async () => {
    await sdkFor(emulator).emails.send({ ...sampleEmail, subject: "<script>alert(1)</script>" });
    const { body, headers } = await page("/");
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(body).not.toContain("<script>alert(1)");
    expect(headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("renders the HTML body in the page with its links, so they can be clicked", async () => {
    const html =
      '<!doctype html><html><head><style>p{color:red}</style></head><body style="background:#eee">' +
      '<p>Hello</p><a href="https://app.example.com/login" target="_blank">Sign in</a></body></html>';
    const sent = await sdkFor(emulator).emails.send({ ...sampleEmail, html });

    const { status, body } = await page(`/messages/${sent.data?.id}`);
    expect(status).toBe(200);
    expect(body).toContain('<template shadowrootmode="open">');
    expect(body).toContain('<a href="https://app.example.com/login">Sign in</a>');
    expect(body).toContain('<div class="email-body" style="background:#eee">');
    expect(body).toContain(sampleEmail.from.replace("<", "&lt;").replace(">", "&gt;"));
  });

  it("cannot be broken out of by an email that closes the template", async () => {
    const sent = await sdkFor(emulator).emails.send({
      ...sampleEmail,
      html: "<p>x</p></template><h1>Injected</h1>",
    });
    const { body } = await page(`/messages/${sent.data?.id}`);
    expect(body).not.toContain("</template><h1>Injected");
  });

  it("has a plain-text view whose URLs are links", async () => {
    const sent = await sdkFor(emulator).emails.send(sampleEmail);
    const { body } = await page(`/messages/${sent.data?.id}?view=text`);
    expect(body).toContain('<a href="https://app.example.com/login">https://app.example.com/login</a>');
    expect(body).toMatch(/aria-current="page"\s*>Plain text/);
  });

  it("shows the text view by default for a text-only email", async () => {
    const sent = await sdkFor(emulator).emails.send({
      from: sampleEmail.from,
      to: sampleEmail.to,
      subject: "Text only",
      text: "Just text",
    });
    const { body } = await page(`/messages/${sent.data?.id}`);
    expect(body).toContain("<pre>Just text</pre>");
  });

  it("serves the original HTML as a sandboxed document", async () => {
    const sent = await sdkFor(emulator).emails.send(sampleEmail);
    const { body, headers } = await page(`/messages/${sent.data?.id}/source`);
    expect(body).toBe(sampleEmail.html);
    expect(headers.get("content-security-policy")).toMatch(/^sandbox /);
  });

  it("answers 404 for an unknown message, and clears from the page", async () => {
    await sdkFor(emulator).emails.send(sampleEmail);
    expect((await page("/messages/nope")).status).toBe(404);

    const cleared = await fetch(`${emulator.url}/mailbox/clear`, { method: "POST", redirect: "manual" });
    expect(cleared.status).toBe(303);
    expect((await page("/")).body).toContain("No emails yet");
  });
});
