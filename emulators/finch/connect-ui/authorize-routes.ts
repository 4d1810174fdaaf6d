// GET and POST /authorize – the Connect pages a customer sees (picker, sign-in, result).
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "../context";
import { CONNECT_PASSWORD } from "../defaults";
import { completeSignIn, repairsOriginal, signInCompanyId } from "../domain/complete-sign-in";
import { entitiesOutOfReach, visibleEntities, type EmployerEntity } from "../domain/entities";
import { findProvider } from "../domain/providers";
import { html, redirect, type Reply } from "../../shared/http/reply";
import { formBody, type EmulatorRequest } from "../http/request";
import type { Route } from "../http/router";
import { resolveConnectFlow, type ConnectFlow, type FlowReturn } from "./connect-flow";
import { entityAccessMessage, entityPage } from "./entity-page";
import { closedPage, codePage, errorPage, postMessagePage, providerPickerPage, signInPage } from "./pages";

const NAME = "finch-auth-message-v2" as const;

/** What the provider says to a wrong password; Connect shows it and reports it to the app (onError). */
export function wrongPasswordMessage(providerName: string): string {
  return `Incorrect username or password for ${providerName}. Check your ${providerName} password and try again.`;
}

function returnUrl(base: string, params: Record<string, string | null>): string | null {
  try {
    const url = new URL(base);
    for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
    return url.toString();
  } catch {
    return null;
  }
}

/** A flow that cannot start: embedded apps get kind:'error' (closing the iframe), people get a page. */
function flowError(message: string, back: FlowReturn): Reply {
  if (back.sdkHostUrl) {
    return html(
      postMessagePage(
        { name: NAME, kind: "error", error: { shouldClose: true, message, type: "validation_error" } },
        back.sdkHostUrl,
        "Finch Connect could not start",
        message,
      ),
    );
  }
  return html(errorPage(message), 400);
}

function cancel(flow: ConnectFlow): Reply {
  if (flow.sdkHostUrl) {
    return html(
      postMessagePage(
        { name: NAME, kind: "closed" },
        flow.sdkHostUrl,
        "Closing",
        "Finch Connect was closed.",
      ),
    );
  }
  const location = flow.redirectUri
    ? returnUrl(flow.redirectUri, {
        error: "access_denied",
        error_description: "The user closed Finch Connect without connecting",
        state: flow.state,
      })
    : null;
  return location ? redirect(location) : html(closedPage());
}

function success(flow: ConnectFlow, code: string): Reply {
  if (flow.sdkHostUrl) {
    const message = {
      name: NAME,
      kind: "success" as const,
      code,
      ...(flow.state ? { state: flow.state } : {}),
    };
    return html(
      postMessagePage(
        message,
        flow.sdkHostUrl,
        "You're connected",
        "Your account was connected. Returning you to the app.",
      ),
    );
  }
  const location = flow.redirectUri ? returnUrl(flow.redirectUri, { code, state: flow.state }) : null;
  return location ? redirect(location) : html(codePage(code, flow.state));
}

/**
 * A reauthentication by someone who cannot see every connected entity fails (Finch §13): the embedded
 * app gets react-connect's error outcome, the redirect flow `error=` on the redirect; never a code.
 */
function accessFailure(flow: ConnectFlow, message: string): Reply {
  if (flow.sdkHostUrl) {
    return html(
      postMessagePage(
        {
          name: NAME,
          kind: "error",
          error: { shouldClose: true, message, type: "employer_connection_error" },
        },
        flow.sdkHostUrl,
        "Reconnection failed",
        message,
      ),
    );
  }
  const location = flow.redirectUri
    ? returnUrl(flow.redirectUri, {
        error: "employer_connection_error",
        error_description: message,
        state: flow.state,
      })
    : null;
  return location ? redirect(location) : html(errorPage(message), 403);
}

/** A sign-in waiting on the entity step: the password was right, the companies are not picked yet. */
interface PendingSignIn {
  username: string;
  providerId: string;
  entities: EmployerEntity[];
  expiresAt: number;
}

const PENDING_TTL_MS = 10 * 60 * 1000;

export function authorizeRoutes(ctx: EmulatorContext): Route[] {
  const pending = new Map<string, PendingSignIn>();

  const providerFor = (flow: ConnectFlow, query: URLSearchParams) =>
    findProvider(flow.preselectedProviderId ?? query.get("provider") ?? "");

  const show = (req: EmulatorRequest): Reply => {
    const resolution = resolveConnectFlow(ctx, req.url.searchParams);
    if (!resolution.ok) return flowError(resolution.message, resolution.back);
    const { flow } = resolution;
    const provider = providerFor(flow, req.url.searchParams);
    return html(
      provider
        ? signInPage(flow, provider, req.url.searchParams)
        : providerPickerPage(flow, req.url.searchParams),
    );
  };

  const submit = (req: EmulatorRequest): Reply => {
    const query = req.url.searchParams;
    const resolution = resolveConnectFlow(ctx, query);
    if (!resolution.ok) return flowError(resolution.message, resolution.back);
    const { flow } = resolution;
    const form = formBody(req);
    if (form.get("action") === "cancel") return cancel(flow);

    const provider = providerFor(flow, query);
    if (!provider) return html(providerPickerPage(flow, query));
    const finish = (username: string, picked: EmployerEntity[]) => {
      const { code, connection } = completeSignIn(
        ctx.store,
        ctx.connections,
        flow,
        provider.id,
        username,
        picked,
      );
      ctx.log(
        `finch-emulator: Connect sign-in as '${username}' -> connection ${connection.id} (${connection.status})`,
      );
      return success(flow, code.code);
    };
    if (form.get("action") === "entities") {
      const id = form.get("pending") ?? "";
      const waiting = pending.get(id);
      if (!waiting || waiting.expiresAt <= Date.now() || waiting.providerId !== provider.id)
        return html(signInPage(flow, provider, query, { error: "Your sign-in expired. Sign in again." }));
      const chosen = new Set(form.getAll("entity"));
      const picked = waiting.entities.filter((e) => chosen.has(e.id));
      if (picked.length === 0)
        return html(entityPage(provider, query, waiting.entities, id, "Choose at least one company."));
      pending.delete(id);
      return finish(waiting.username, picked);
    }
    const username = (form.get("username") ?? "").trim();
    if (!username) return html(signInPage(flow, provider, query, { error: "Enter your username." }));
    if (form.get("password") !== CONNECT_PASSWORD) {
      return html(
        signInPage(flow, provider, query, {
          username,
          error: wrongPasswordMessage(provider.display_name),
          notifySdkHost: flow.sdkHostUrl,
        }),
      );
    }
    const original = flow.reauthConnectionId ? ctx.connections.get(flow.reauthConnectionId) : undefined;
    if (original && repairsOriginal(original, username)) {
      const missing = entitiesOutOfReach(original, username);
      if (missing.length > 0) return accessFailure(flow, entityAccessMessage(provider.display_name, missing));
    }
    const entities = visibleEntities(username, signInCompanyId(flow, original, provider.id, username));
    // With one entity Connect skips the entity step, as Finch does.
    if (entities.length <= 1) return finish(username, entities);
    const id = randomUUID();
    for (const [key, value] of pending) if (value.expiresAt <= Date.now()) pending.delete(key);
    pending.set(id, { username, providerId: provider.id, entities, expiresAt: Date.now() + PENDING_TTL_MS });
    return html(entityPage(provider, query, entities, id));
  };

  return [
    { method: "GET", pattern: "/authorize", kind: "ui", handle: show },
    { method: "POST", pattern: "/authorize", kind: "ui", handle: submit },
  ];
}
