import { describe, expect, it } from "vitest";
import { strictFor } from "./outbound-policy";

describe("which destinations get the production rules", () => {
  it("every one in production, except the local hooks inbox's own origin when the launcher set it", () => {
    const local = { NODE_ENV: "production" as const, HOOKS_INBOX_URL: "http://127.0.0.1:4030" };
    expect(strictFor("http://127.0.0.1:4030/slack/x", local)).toBe(false);
    expect(strictFor("http://127.0.0.1:4031/slack/x", local)).toBe(true);
    expect(strictFor("http://169.254.169.254/", local)).toBe(true);
    expect(strictFor("http://127.0.0.1:4030/x", { NODE_ENV: "production", HOOKS_INBOX_URL: undefined })).toBe(
      true,
    );
  });

  it("none in development and tests", () => {
    expect(strictFor("http://127.0.0.1:9/x", { NODE_ENV: "development", HOOKS_INBOX_URL: undefined })).toBe(
      false,
    );
  });
});
