// The request problems every stand-in meets the same way (unknown path, wrong method, malformed
// path or JSON, a body over the limit). The kit throws them; each stand-in renders them in its own
// service's error body, so the SDKs still see Finch's or Resend's shape.

export type HttpProblemKind =
  "not-found" | "method-not-allowed" | "malformed-path" | "malformed-json" | "body-too-large";

const STATUS: Record<HttpProblemKind, number> = {
  "not-found": 404,
  "method-not-allowed": 405,
  "malformed-path": 400,
  "malformed-json": 400,
  "body-too-large": 413,
};

export class HttpProblem extends Error {
  readonly status: number;

  constructor(
    readonly kind: HttpProblemKind,
    message: string,
    /** For a 405: the methods the path does answer, sent as `Allow`. */
    readonly allow: string[] = [],
  ) {
    super(message);
    this.status = STATUS[kind];
  }

  /** Headers that belong with the answer whatever its body shape. */
  headers(): Record<string, string> {
    if (this.kind === "method-not-allowed") return { allow: this.allow.join(", ") };
    // The rest of an oversized body is not read, so the connection cannot be reused.
    if (this.kind === "body-too-large") return { connection: "close" };
    return {};
  }
}
