// GET and POST /authorize – the Connect pages a customer sees (picker, sign-in, result).
import type { EmulatorContext } from "../context";
import { CONNECT_PASSWORD } from "../defaults";
import { completeSignIn } from "../domain/complete-sign-in";
import { findProvider } from "../domain/providers";
import { html, redirect, type Reply } from "../../shared/http/reply";
import { formBody, type EmulatorRequest } from "../http/request";
import type { Route } from "../http/router";
import { resolveConnectFlow, type ConnectFlow, type FlowReturn } from "./connect-flow";
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

export function authorizeRoutes(ctx: EmulatorContext): Route[] {
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
    const { code, connection } = completeSignIn(ctx.store, ctx.connections, flow, provider.id, username);
    ctx.log(
      `finch-emulator: Connect sign-in as '${username}' -> connection ${connection.id} (${connection.status})`,
    );
    return success(flow, code.code);
  };

  return [
    { method: "GET", pattern: "/authorize", kind: "ui", handle: show },
    { method: "POST", pattern: "/authorize", kind: "ui", handle: submit },
  ];
}
