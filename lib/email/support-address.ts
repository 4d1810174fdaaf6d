// The address customers can write to for help: the one our emails come from.
import "server-only";
import { env } from "@/lib/env";

export function supportAddress(): string {
  const from = env().EMAIL_FROM;
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}
