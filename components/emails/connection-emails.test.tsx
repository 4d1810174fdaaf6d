import { createElement } from "react";
import { render, toPlainText } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { repairAdvice } from "@/lib/connections/repair-advice";
import { ConnectionBrokenEmail } from "./connection-broken-email";
import { ConnectionRestoredEmail } from "./connection-restored-email";
import { ReconnectReminderEmail } from "./reconnect-reminder-email";

const linkLabels = (html: string) =>
  [...html.matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((match) =>
    match[2]
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<[^>]+>/g, "")
      .trim(),
  );

describe("connection emails", () => {
  it("render from their default props (the preview) with a Reconnect button first", async () => {
    for (const template of [ConnectionBrokenEmail, ReconnectReminderEmail]) {
      const html = await render(createElement(template, {}));
      expect(linkLabels(html)[0]).toBe("Reconnect Gusto");
      const text = toPlainText(html);
      expect(text).toContain(
        "Paused until you reconnect: employee directory sync and employment and compensation sync.",
      );
      expect(text).toContain("Unsubscribe from reminders");
    }
  });

  it("carry the advice table's steps for an API-token connection, and none for a plain sign-in", async () => {
    const advice = repairAdvice({
      providerId: "gusto",
      providerName: "Gusto",
      finchStatus: "reauth",
      authenticationType: "api_token",
    });
    for (const template of [ConnectionBrokenEmail, ReconnectReminderEmail]) {
      const text = toPlainText(
        await render(createElement(template, { reason: advice?.happened, steps: advice?.todo })),
      );
      expect(text).toContain("The API token Finch uses to read Gusto stopped working");
      expect(text).toContain("2. Create a new API token for Finch and copy it.");
      expect(toPlainText(await render(createElement(template, {})))).not.toContain("What to do:");
    }
  });

  it("offer a snooze only in reminders", async () => {
    expect(linkLabels(await render(createElement(ReconnectReminderEmail, {})))).toContain(
      "Snooze reminders for this connection problem",
    );
    expect(linkLabels(await render(createElement(ConnectionBrokenEmail, {})))).not.toContain(
      "Snooze reminders for this connection problem",
    );
  });

  it("carry the repair receipt in the Reconnected email, naming what still fails", async () => {
    const text = toPlainText(
      await render(
        createElement(ConnectionRestoredEmail, {
          how: "reconnected",
          reconnectedBy: "pat@example.com",
          receipt: [
            { product: "company", ok: true, problem: null },
            { product: "directory", ok: true, problem: null },
            { product: "employment", ok: false, problem: "permission missing" },
          ],
        }),
      ),
    );
    expect(text).toContain("Acme Inc.'s Gusto connection was reconnected by pat@example.com.");
    expect(text).toContain("Reconnected · Company ✓ · Directory ✓ · Employment ✗ (permission missing)");
    expect(text).toContain("Still failing: Employment ✗ (permission missing).");
  });

  it("say how the connection came back", async () => {
    expect(
      toPlainText(await render(createElement(ConnectionRestoredEmail, { how: "reconnected" }))),
    ).toContain("Acme Inc.'s Gusto connection was reconnected.");
    expect(
      toPlainText(
        await render(
          createElement(ConnectionRestoredEmail, { how: "recovered", services: ["pay statement sync"] }),
        ),
      ),
    ).toContain("without anyone needing to sign in again. Pay statement sync has resumed.");
  });

  it("show the app icon from the app's own origin, the one their links point at", async () => {
    const html = await render(
      createElement(ConnectionBrokenEmail, { reconnectUrl: "https://payroll.example.com/reconnect/abc" }),
    );
    expect(html).toMatch(/<img[^>]+src="https:\/\/payroll\.example\.com\/icon-192\.png"/);
    const restored = await render(createElement(ConnectionRestoredEmail, {}));
    expect(restored).toMatch(/<img[^>]+src="http:\/\/localhost:3000\/icon-192\.png"/);
  });
});
