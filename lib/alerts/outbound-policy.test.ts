import { describe, expect, it } from "vitest";
import { strictFor } from "./outbound-policy";

describe("which destinations get the production rules", () => {
  it("every one in production, except the local hooks inbox's own origin when the launcher set it", () => {
    const local = { NODE_ENV: "production" as const, HOOKS_INBOX_URL: "http://127.0.0.1:4030" };
    expect(strictFor("http://127.0.0.1:4030/slack/x", local)).toBe(false);
    expect(strictFor("http://127.0.0.1:4030/hooks/abc", local)).toBe(false);
    expect(strictFor("http://127.0.0.1:4031/slack/x", local)).toBe(true);
    expect(strictFor("http://169.254.169.254/", local)).toBe(true);
    expect(strictFor("http://127.0.0.1:4030/x", { NODE_ENV: "production", HOOKS_INBOX_URL: undefined })).toBe(
      true,
    );
  });

  it("only the inbox's receiving paths, never its control API", () => {
    const local = { NODE_ENV: "production" as const, HOOKS_INBOX_URL: "http://127.0.0.1:4030" };
    for (const url of [
      "http://127.0.0.1:4030/_emulator/faults",
      "http://127.0.0.1:4030/_emulator/secrets",
      "http://127.0.0.1:4030/received",
      "http://127.0.0.1:4030/",
      "http://127.0.0.1:4030/slack",
      "http://127.0.0.1:4030/hooksx/a",
      "http://127.0.0.1:4030/slack/../_emulator/faults",
      "http://127.0.0.1:4030/hooks/%2e%2e/_emulator/faults",
    ])
      expect(strictFor(url, local), url).toBe(true);
  });

  it("none in development and tests", () => {
    expect(strictFor("http://127.0.0.1:9/x", { NODE_ENV: "development", HOOKS_INBOX_URL: undefined })).toBe(
      false,
    );
  });
});
