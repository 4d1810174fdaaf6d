// GET /domains – Resend's list of sending domains and their verification status. The stand-in's
// domains are fixed by its options (RESEND_EMULATOR_DOMAINS, "name" or "name:status"), so a setup
// check (npm run doctor) can see both a verified and an unverified domain.
import crypto from "node:crypto";
import { json, type Reply } from "../../shared/http/reply";
import type { RouteRequest } from "../../shared/http/router";
import type { EmulatorContext } from "../emulator-context";
import { authorizeRequest } from "./authorize-request";
import { errorReply } from "./resend-errors";

export interface StandInDomain {
  name: string;
  status: "verified" | "pending" | "not_started" | "failed";
}

/** "example.com,other.test:pending" → the stand-in's domains (status verified unless given). */
export function parseDomains(spec: string): StandInDomain[] {
  return spec
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, status = "verified"] = part.split(":");
      const known = ["verified", "pending", "not_started", "failed"] as const;
      return { name: name.toLowerCase(), status: known.find((s) => s === status) ?? "failed" };
    });
}

export function handleListDomains(req: RouteRequest, ctx: EmulatorContext): Reply {
  // Unlike the mailbox reads, Resend's domain API always needs a key.
  const authError = authorizeRequest(req.headers.authorization, { apiKey: ctx.apiKey });
  if (authError) return errorReply(authError);
  return json({
    object: "list",
    has_more: false,
    data: ctx.domains.map((domain) => ({
      object: "domain",
      id: crypto.createHash("sha256").update(domain.name).digest("hex").slice(0, 32),
      name: domain.name,
      status: domain.status,
      created_at: "2026-01-01 00:00:00.000000+00",
      region: "us-east-1",
      capabilities: { sending: "enabled", receiving: "disabled" },
    })),
  });
}
