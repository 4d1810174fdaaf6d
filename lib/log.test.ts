import { describe, expect, it } from "vitest";
import { describeError, redact } from "./log";

describe("log redaction", () => {
  it("masks bearer tokens, basic credentials, Resend keys and access_token fields", () => {
    const text =
      'Authorization: Bearer 7e965183-aaaa Basic Y2lkOmNzZWM= key re_abc123 {"access_token":"tok-123"}';
    const out = redact(text);
    for (const secret of ["7e965183-aaaa", "Y2lkOmNzZWM=", "re_abc123", "tok-123"])
      expect(out).not.toContain(secret);
  });

  it("describes an error chain without its stack", () => {
    const error = new Error("outer", { cause: new TypeError("inner Bearer secret-token") });
    const text = describeError(error);
    expect(text).toContain("Error: outer");
    expect(text).toContain("TypeError: inner");
    expect(text).not.toContain("secret-token");
    expect(text).not.toContain("at ");
  });
});
