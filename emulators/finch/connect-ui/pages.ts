import { CONNECT_PASSWORD, OTHER_COMPANY_USERNAME_PREFIX } from "../defaults";
import { PROVIDERS, type ProviderInfo } from "../domain/providers";
import type { ConnectFlow } from "./connect-flow";
import { escapeHtml, hiddenInputs, scriptJson } from "./html";
import { connectPage } from "./layout";

/** The messages @tryfinch/react-connect 5 listens for (name finch-auth-message-v2). */
export type FinchAuthMessage =
  | { name: "finch-auth-message-v2"; kind: "success"; code: string; state?: string }
  | {
      name: "finch-auth-message-v2";
      kind: "error";
      error: {
        shouldClose: boolean;
        message: string;
        type: "validation_error" | "employer_connection_error";
      };
    }
  | { name: "finch-auth-message-v2"; kind: "closed" };

const PRODUCT_LABELS: Record<string, string> = {
  company: "company details",
  directory: "employee directory",
  individual: "personal details",
  employment: "employment details",
  payment: "payroll runs",
  pay_statement: "pay statements",
  benefits: "benefits",
  ssn: "social security numbers",
};

const icon = (provider: ProviderInfo) =>
  `<img src="/assets/providers/${escapeHtml(provider.id)}.svg" alt="" aria-hidden="true">`;

function withoutProvider(query: URLSearchParams): URLSearchParams {
  const copy = new URLSearchParams(query);
  copy.delete("provider");
  return copy;
}

function productSummary(products: string[]): string {
  const labels = products.map((p) => PRODUCT_LABELS[p] ?? p.replace(/_/g, " "));
  return labels.length > 1
    ? `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`
    : (labels[0] ?? "data");
}

export function providerPickerPage(flow: ConnectFlow, query: URLSearchParams): string {
  const buttons = PROVIDERS.map(
    (p) =>
      `<button class="provider" type="submit" name="provider" value="${escapeHtml(p.id)}">${icon(p)}<span>${escapeHtml(p.display_name)}</span></button>`,
  ).join("");
  return connectPage(
    "Select your provider",
    `<h1 id="page-title">Select your payroll or HR provider</h1>
<p>${escapeHtml(flow.customerLabel)} is asking to read your ${escapeHtml(productSummary(flow.products))}.</p>
<form method="get" action="/authorize" aria-label="Providers">
${hiddenInputs(withoutProvider(query))}
<div class="providers">${buttons}</div>
</form>
<form method="post" action="/authorize?${escapeHtml(query.toString())}">
<div class="actions"><button class="button secondary" type="submit" name="action" value="cancel">Cancel</button></div>
</form>`,
  );
}

export interface SignInPageOptions {
  error?: string;
  username?: string;
  /** Also tell the embedding app (react-connect's onError) while the form stays open for another try. */
  notifySdkHost?: string | null;
}

function errorMessageScript(message: string, sdkHostUrl: string): string {
  const payload: FinchAuthMessage = {
    name: "finch-auth-message-v2",
    kind: "error",
    error: { shouldClose: false, message, type: "employer_connection_error" },
  };
  return `window.parent.postMessage(${scriptJson(payload)}, ${scriptJson(sdkHostUrl)});`;
}

export function signInPage(
  flow: ConnectFlow,
  provider: ProviderInfo,
  query: URLSearchParams,
  options: SignInPageOptions = {},
): string {
  const reauth = flow.reauthConnectionId
    ? `<p class="hint">Your connection to ${escapeHtml(provider.display_name)} needs attention. Sign in again to restore it.</p>`
    : "";
  const back = flow.preselectedProviderId
    ? ""
    : `<p class="back"><a class="link" href="/authorize?${escapeHtml(withoutProvider(query).toString())}">← Choose a different provider</a></p>`;
  const error = options.error ? `<div class="alert" role="alert">${escapeHtml(options.error)}</div>` : "";
  return connectPage(
    `Sign in to ${provider.display_name}`,
    `<div class="provider-head">${icon(provider)}<h1 id="page-title">Sign in to ${escapeHtml(provider.display_name)}</h1></div>
${reauth}
<p>Finch will read your ${escapeHtml(productSummary(flow.products))} on behalf of ${escapeHtml(flow.customerLabel)}.</p>
${error}
<form method="post" action="/authorize?${escapeHtml(query.toString())}">
<div class="field"><label for="username">Username</label><input id="username" name="username" type="text" autocomplete="username" required value="${escapeHtml(options.username ?? "")}"></div>
<div class="field"><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required></div>
<p class="hint">Emulator: every username works with the password <code>${CONNECT_PASSWORD}</code>. Usernames starting with <code>${OTHER_COMPANY_USERNAME_PREFIX}</code> sign in to a different company.</p>
<div class="actions">
<button class="button secondary" type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
<button class="button primary" type="submit" name="action" value="connect">Connect</button>
</div>
</form>
${back}`,
    options.error && options.notifySdkHost
      ? errorMessageScript(options.error, options.notifySdkHost)
      : undefined,
  );
}

/** Posts one message to the embedding app (targetOrigin = sdk_host_url) and says what happened. */
export function postMessagePage(
  message: FinchAuthMessage,
  sdkHostUrl: string,
  heading: string,
  text: string,
): string {
  const tone = message.kind === "error" ? "alert" : "success";
  return connectPage(
    heading,
    `<h1 id="page-title">${escapeHtml(heading)}</h1><div class="${tone}" role="status">${escapeHtml(text)}</div>`,
    `window.parent.postMessage(${scriptJson(message)}, ${scriptJson(sdkHostUrl)});`,
  );
}

export function errorPage(message: string): string {
  return connectPage(
    "Something went wrong",
    `<h1 id="page-title">Finch Connect could not start</h1><div class="alert" role="alert">${escapeHtml(message)}</div>`,
  );
}

/** Redirect flow without a redirect_uri: show the code so a person can exchange it by hand. */
export function codePage(code: string, state: string | null): string {
  return connectPage(
    "Connected",
    `<h1 id="page-title">You're connected</h1>
<div class="success" role="status">Authorization code: <code>${escapeHtml(code)}</code></div>
${state ? `<p>State: <code>${escapeHtml(state)}</code></p>` : ""}
<p>No redirect_uri was given, so exchange this code at <code>POST /auth/token</code> yourself. It expires in 10 minutes.</p>`,
  );
}

export function closedPage(): string {
  return connectPage(
    "Closed",
    `<h1 id="page-title">Finch Connect was closed</h1><p>You can close this window.</p>`,
  );
}
