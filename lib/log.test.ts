import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, describeError, redact, scopedValue, withLogContext, withScopedValue } from "./log";

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

  it("describes plain error objects by their words, not as [object Object], and masks them too", () => {
    expect(describeError({ code: "ECONNREFUSED", message: "connect refused" })).toBe(
      "Error [ECONNREFUSED]: connect refused",
    );
    const described = describeError({ detail: "Bearer secret-token" });
    expect(described).not.toContain("[object Object]");
    expect(described).toContain("detail");
    expect(described).not.toContain("secret-token");
  });
});

describe("JSON logs", () => {
  function capture() {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
        done();
      },
    });
    return { lines, stream };
  }

  it("writes one JSON object a line with level, time, msg and the job id of the work that logged", () => {
    const { lines, stream } = capture();
    const logger = createLogger(stream, "json");
    withLogContext({ jobId: "job-1", queue: "email-send" }, () => logger.info("sent"));
    logger.warn("outside");
    const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ level: "info", msg: "sent", jobId: "job-1", queue: "email-send" });
    expect(new Date(String(first.time)).getTime()).toBeGreaterThan(0);
    expect(second).toMatchObject({ level: "warn", msg: "outside" });
    expect(second).not.toHaveProperty("jobId");
  });

  it("carries scoped values to the work inside, never into a line", () => {
    const { lines, stream } = capture();
    const logger = createLogger(stream, "json");
    const key = Symbol("span");
    const seen = withLogContext({ jobId: "job-2" }, () =>
      withScopedValue(key, { secret: "span-internals" }, () => {
        logger.info("inside");
        return scopedValue(key);
      }),
    );
    expect(seen).toEqual({ secret: "span-internals" });
    expect(scopedValue(key)).toBeUndefined();
    expect(JSON.parse(lines[0])).toMatchObject({ msg: "inside", jobId: "job-2" });
    expect(lines[0]).not.toContain("span-internals");
  });

  it("keeps masking token-shaped strings through the logging functions", async () => {
    const { lines, stream } = capture();
    const log = await import("./log");
    const globalForLog = globalThis as unknown as { payrollLogger?: unknown };
    globalForLog.payrollLogger = createLogger(stream, "json");
    log.logInfo("calling with Bearer abc.def-123");
    log.logError("send failed", new Error("key re_live_secret rejected"));
    globalForLog.payrollLogger = undefined;
    expect(lines).toHaveLength(2);
    expect(lines.join("\n")).not.toMatch(/abc\.def-123|re_live_secret/);
    expect(JSON.parse(lines[1])).toMatchObject({ level: "error" });
  });
});
