// The Resend stand-in's routes: Resend's API for the SDK, the mailbox pages, the test controls.
import type { Route } from "../../shared/http/router";
import { handleClearEmails, handleGetEmail, handleListEmails } from "../api/email-api-handlers";
import { handleListDomains } from "../api/domains-handler";
import { handleSend } from "../api/send-handler";
import {
  handleClearFault,
  handleGetFault,
  handleHealth,
  handleReset,
  handleSetFault,
} from "../control/control-handlers";
import type { EmulatorContext } from "../emulator-context";
import {
  handleMailbox,
  handleMailboxClear,
  handleMessage,
  handleMessageSource,
} from "../mailbox/mailbox-handlers";

export function resendRoutes(ctx: EmulatorContext): Route[] {
  return [
    { method: "POST", pattern: "/emails", handle: (req) => handleSend(req, ctx, "single") },
    { method: "GET", pattern: "/emails", handle: (req) => handleListEmails(req, ctx) },
    { method: "DELETE", pattern: "/emails", handle: (req) => handleClearEmails(req, ctx) },
    { method: "POST", pattern: "/emails/batch", handle: (req) => handleSend(req, ctx, "batch") },
    { method: "GET", pattern: "/emails/:id", handle: (req) => handleGetEmail(req, ctx) },
    { method: "GET", pattern: "/domains", handle: (req) => handleListDomains(req, ctx) },
    { method: "GET", pattern: "/", handle: (req) => handleMailbox(req, ctx) },
    { method: "GET", pattern: "/messages/:id", handle: (req) => handleMessage(req, ctx) },
    { method: "GET", pattern: "/messages/:id/source", handle: (req) => handleMessageSource(req, ctx) },
    { method: "POST", pattern: "/mailbox/clear", handle: () => handleMailboxClear(ctx) },
    { method: "POST", pattern: "/_emulator/faults", handle: (req) => handleSetFault(req, ctx) },
    { method: "GET", pattern: "/_emulator/faults", handle: () => handleGetFault(ctx) },
    { method: "DELETE", pattern: "/_emulator/faults", handle: () => handleClearFault(ctx) },
    { method: "POST", pattern: "/_emulator/reset", handle: () => handleReset(ctx) },
    { method: "GET", pattern: "/_emulator/health", handle: () => handleHealth(ctx) },
  ];
}
