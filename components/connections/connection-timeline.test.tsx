import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConnectionTimeline, type TimelineEvent } from "./connection-timeline";

const at = new Date("2026-12-06T08:00:00Z");

describe("the connection timeline", () => {
  it("names the host API's detection path and the API's token reads", () => {
    const events: TimelineEvent[] = [
      {
        id: "1",
        type: "broken",
        source: "host_api",
        detail: "The app that uses this connection got 401.",
        createdAt: at,
      },
      {
        id: "2",
        type: "token_read",
        source: null,
        detail: 'Read with the API key "Nightly sync" (pck_AbCdEfGh…).',
        createdAt: at,
      },
    ];
    const html = renderToStaticMarkup(createElement(ConnectionTimeline, { events }));
    expect(html).toContain("Broke: reconnection needed");
    expect(html).toContain("reported by the app that uses this connection");
    expect(html).toContain("Access token read through the API");
    expect(html).toContain("Nightly sync");
  });
});
