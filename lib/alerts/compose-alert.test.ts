import { describe, expect, it } from "vitest";
import type { AlertPayload } from "./alert-events";
import { slackMessage, webhookEvent } from "./compose-alert";

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

  it("wrap webhook events as { type, timestamp, data }", () => {
    expect(JSON.parse(webhookEvent("connection.reminder", { ...payload, reminderNumber: 2 }))).toEqual({
      type: "connection.reminder",
      timestamp: "2026-06-01T09:30:05.000Z",
      data: { ...payload, reminderNumber: 2 },
    });
  });
});
