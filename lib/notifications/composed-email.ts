// What composing an outbox email gives: the email, ready to send, or why it must not go out.
import type { ReactElement } from "react";

export type ComposedEmail =
  | { kind: "ready"; subject: string; react: ReactElement; headers?: Record<string, string> }
  | { kind: "cancelled"; reason: string };

export type ReadyEmail = Extract<ComposedEmail, { kind: "ready" }>;
