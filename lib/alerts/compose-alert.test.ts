import { describe, expect, it } from "vitest";
import type { AlertPayload } from "./alert-events";
import { escapeSlackText, slackMessage, webhookEvent } from "./compose-alert";

const payload: AlertPayload = {
  connectionId: "conn_1",
  provider: "Gusto",
  organization: "Acme",
  incidentId: "inc_1",
  since: "2026-06-01T09:30:00.000Z",
  reason: "The provider asks for the connection to be authorized again.",
  reconnectUrl: "https://app.example.com/connections/conn_1",
  occurredAt: "2026-06-01T09:30:05.000Z",
};

describe("alert bodies", () => {
  it("give Slack the provider, the cause, since when and the reconnect link", () => {
    const { text, blocks } = slackMessage("connection.broken", payload);
    expect(text).toContain("Gusto needs to be reconnected");
    expect(text).toContain("Jun 1, 2026, 9:30 AM UTC");
    expect(text).toContain("*Cause:* The provider asks for the connection to be authorized again.");
    expect(text).toContain("<https://app.example.com/connections/conn_1|Reconnect Gusto>");
    expect(blocks[1]).toMatchObject({
      type: "actions",
      elements: [{ type: "button", url: "https://app.example.com/connections/conn_1" }],
    });
  });

  it("say it works again on restore, without a cause", () => {
    const { text } = slackMessage("connection.restored", { ...payload, how: "recovered" });
    expect(text).toContain("Gusto is working again");
    expect(text).toContain("was recovered");
    expect(text).not.toContain("Cause");
  });

  it("escape &, < and > in Slack text, so a name cannot add a link or a mention", () => {
    expect(escapeSlackText("A & B <!channel> <https://evil.example|click>")).toBe(
      "A &amp; B &lt;!channel&gt; &lt;https://evil.example|click&gt;",
    );
    const hostile = {
      ...payload,
      organization: "Acme <!channel>",
      provider: "Gusto <https://evil.example|x>",
      reason: "a < b && c > d",
    };
    const { text, blocks } = slackMessage("connection.broken", hostile);
    const mrkdwn = JSON.stringify(blocks[0]);
    for (const markup of [text, mrkdwn]) {
      expect(markup).not.toContain("<!channel>");
      expect(markup).not.toContain("<https://evil.example");
      expect(markup).toContain("Acme &lt;!channel&gt;");
      expect(markup).toContain("a &lt; b &amp;&amp; c &gt; d");
    }
    // Our own link stays a link; the button's plain text is shown as is by Slack.
    expect(text).toContain(
      "<https://app.example.com/connections/conn_1|Reconnect Gusto &lt;https://evil.example|x&gt;>",
    );
    expect(blocks[1]).toMatchObject({
      elements: [{ text: { type: "plain_text", text: "Reconnect Gusto <https://evil.example|x>" } }],
    });
  });

  it("wrap webhook events as { type, timestamp, data }", () => {
    expect(JSON.parse(webhookEvent("connection.reminder", { ...payload, reminderNumber: 2 }))).toEqual({
      type: "connection.reminder",
      timestamp: "2026-06-01T09:30:05.000Z",
      data: { ...payload, reminderNumber: 2 },
    });
  });
});
