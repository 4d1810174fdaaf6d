// The hooks stand-in's routes: receive posts under /slack/… and /hooks/…, list them, and the
// test controls under /_emulator (inject failures, tell it a signing secret).
import { parseJsonBody } from "../shared/http/body";
import { html, json, text, type Reply } from "../shared/http/reply";
import type { Route, RouteRequest } from "../shared/http/router";
import { faultSchema, secretSchema, type HookStore } from "./hook-store";
import { inboxPage } from "./inbox-page";
import { verifyStandardWebhook } from "./verify-signature";

function flatHeaders(req: RouteRequest): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(", ") : (value ?? ""),
    ]),
  );
}

function receive(req: RouteRequest, store: HookStore): Reply {
  const { path } = req;
  const headers = flatHeaders(req);
  const secret = path.startsWith("/hooks") ? store.secretFor(path) : null;
  const verified = secret === null ? null : verifyStandardWebhook(secret, headers, req.rawBody);
  const fault = store.takeFault(path);
  const status = fault ?? (verified === false ? 401 : 200);
  store.add({ path, headers, body: req.rawBody, verified, status });
  // Slack answers a plain "ok".
  if (status === 200 && path.startsWith("/slack")) return text("ok");
  if (status === 200) return json({ ok: true });
  return json({ error: fault ? "injected failure" : "invalid signature" }, status);
}

function addFault(req: RouteRequest, store: HookStore): Reply {
  const fault = faultSchema.safeParse(parseJsonBody(req));
  if (!fault.success) return json({ error: fault.error.issues[0]?.message }, 400);
  store.addFault(fault.data);
  return json({ ok: true });
}

function setSecret(req: RouteRequest, store: HookStore): Reply {
  const secret = secretSchema.safeParse(parseJsonBody(req));
  if (!secret.success) return json({ error: secret.error.issues[0]?.message }, 400);
  store.setSecret(secret.data.pathPrefix, secret.data.secret);
  return json({ ok: true });
}

function listReceived(req: RouteRequest, store: HookStore): Reply {
  const pathPrefix = req.url.searchParams.get("path") ?? undefined;
  return json({ data: store.list({ pathPrefix, all: req.url.searchParams.get("all") === "1" }) });
}

export function hookRoutes(store: HookStore): Route[] {
  const ok = (): Reply => json({ ok: true });
  return [
    { method: "GET", pattern: "/", handle: () => html(inboxPage(store.list({ all: true }))) },
    { method: "GET", pattern: "/received", handle: (req) => listReceived(req, store) },
    { method: "DELETE", pattern: "/received", handle: () => (store.clear(), ok()) },
    { method: "POST", pattern: "/_emulator/faults", handle: (req) => addFault(req, store) },
    { method: "DELETE", pattern: "/_emulator/faults", handle: () => (store.clearFaults(), ok()) },
    { method: "POST", pattern: "/_emulator/secrets", handle: (req) => setSecret(req, store) },
    { method: "POST", pattern: "/slack/*", handle: (req) => receive(req, store) },
    { method: "POST", pattern: "/hooks/*", handle: (req) => receive(req, store) },
  ];
}
