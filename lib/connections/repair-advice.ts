// What the customer reads about a connection that needs them: what happened, what to do, and the one
// right action, for every Finch status and authentication type. The banner, the dashboard card, the
// emails and the emailed-link page all read this one table; `{provider}` is the provider's name.
import { AUTHENTICATION_TYPES, type AuthenticationType } from "@/lib/finch/spec/authentication-types";
import type { FinchStatusWord } from "@/lib/finch/spec/connection-statuses";
import { providerHelp } from "./provider-help";

export { AUTHENTICATION_TYPES, type AuthenticationType };

export const REPAIR_CAUSES = [
  "reauth",
  "error_permissions",
  "error_no_account_setup",
  "disconnected",
  "pending",
  "processing",
] as const satisfies readonly Exclude<FinchStatusWord, "connected">[];
export type RepairCause = (typeof REPAIR_CAUSES)[number];

/** reconnect: Finch Connect on the same connection; grant_admin: the provider's help page;
 *  connect_again: a new connection (the old one's history stays); wait: nothing to press. */
export type RepairActionKind = "reconnect" | "grant_admin" | "connect_again" | "wait";

export interface AdviceEntry {
  /** An alarm asks for action now; a status line only informs. */
  tone: "alarm" | "status";
  /** The headline: which connection and in one phrase what is wrong. */
  title: string;
  happened: string;
  todo: string[];
  action: RepairActionKind;
  /** The button's or link's name; empty for "wait". */
  actionLabel: string;
}

const reconnect = (happened: string, todo: string[]): AdviceEntry => ({
  tone: "alarm",
  title: "Your {provider} connection needs you to reconnect",
  happened,
  todo,
  action: "reconnect",
  actionLabel: "Reconnect {provider}",
});
const sameForEvery = (entry: AdviceEntry): Record<AuthenticationType, AdviceEntry> => ({
  credential: entry,
  api_token: entry,
  oauth: entry,
  assisted: entry,
});

const NEW_API_TOKEN_STEPS = [
  "Sign in to {provider} as an administrator and open its API token (integrations) settings.",
  "Create a new API token for Finch and copy it.",
  "Press Reconnect {provider} and paste the new token when Finch asks for it.",
];

const GRANT_ADMIN_STEPS = [
  "Sign in to {provider} as an administrator.",
  "Open the settings for administrators or third-party access and give Finch's account full admin permissions.",
  "Finch notices the change by itself; this page updates when it does.",
];

const ADD_ADMIN_STEPS = [
  "Sign in to {provider} as an administrator.",
  "Add Finch as a third-party administrator, using the email address Finch gave you when you connected.",
  "Finch notices the invitation by itself; this page updates when it does.",
];

const SETTING_UP: AdviceEntry = {
  tone: "status",
  title: "Your {provider} connection is being set up",
  happened: "Finch is still setting up your {provider} connection.",
  todo: [
    "Nothing to do now: assisted connections usually take a few business days. We will tell you if Finch needs anything.",
  ],
  action: "wait",
  actionLabel: "",
};

export const REPAIR_ADVICE: Record<RepairCause, Record<AuthenticationType, AdviceEntry>> = {
  reauth: {
    credential: reconnect(
      "{provider} asked for the connection to be authorized again (for example after a password or security-settings change).",
      ["Sign in to {provider} again through Finch Connect. It takes about a minute and keeps all your data."],
    ),
    oauth: reconnect("{provider}'s authorization for Finch expired or was revoked.", [
      "Reconnect and approve Finch's access in {provider} again. It takes about a minute and keeps all your data.",
    ]),
    api_token: reconnect(
      "The API token Finch uses to read {provider} stopped working (it was revoked, replaced or expired).",
      NEW_API_TOKEN_STEPS,
    ),
    assisted: reconnect("{provider} stopped accepting Finch's administrator access.", [
      "Reconnect through Finch Connect and confirm Finch's access to {provider}.",
    ]),
  },
  error_permissions: sameForEvery({
    tone: "alarm",
    title: "Your {provider} connection is missing a permission",
    happened: "The {provider} account Finch uses is missing a permission it needs to read your payroll data.",
    todo: GRANT_ADMIN_STEPS,
    action: "grant_admin",
    actionLabel: "How to grant Finch admin permission in {provider}",
  }),
  error_no_account_setup: sameForEvery({
    tone: "alarm",
    title: "Your {provider} connection is waiting for admin access",
    happened: "Finch has not been added as an administrator in {provider} yet.",
    todo: ADD_ADMIN_STEPS,
    action: "grant_admin",
    actionLabel: "How to add Finch as an admin in {provider}",
  }),
  disconnected: sameForEvery({
    tone: "alarm",
    title: "Your {provider} connection was disconnected",
    happened: "The {provider} connection was disconnected: Finch no longer has access to it.",
    todo: ["Connect {provider} again. This creates a new connection; the old one's history stays visible."],
    action: "connect_again",
    actionLabel: "Connect again",
  }),
  pending: sameForEvery(SETTING_UP),
  processing: sameForEvery({
    ...SETTING_UP,
    happened: "Finch is importing your {provider} data for the first time.",
    todo: ["Nothing to do now: the first import can take a few hours."],
  }),
};

export interface RepairAdvice extends AdviceEntry {
  cause: RepairCause;
  /** The provider's help page for grant_admin, when one is known. */
  helpUrl: string | null;
}

const fill = (text: string, providerName: string) => text.replaceAll("{provider}", providerName);

export function isRepairCause(value: string): value is RepairCause {
  return (REPAIR_CAUSES as readonly string[]).includes(value);
}

function toAuthenticationType(value: string | null | undefined): AuthenticationType {
  return AUTHENTICATION_TYPES.find((type) => type === value) ?? "credential";
}

/** The advice for a connection as it is now; null when it works (Finch says `connected`). */
/** The columns repairAdvice reads, with the status: select them with this wherever advice is given. */
export const REPAIR_ADVICE_SELECT = {
  providerId: true,
  providerName: true,
  finchStatus: true,
  authenticationType: true,
  status: true,
} as const;

export function repairAdvice(connection: {
  finchStatus: string;
  authenticationType?: string | null;
  providerId: string;
  providerName: string;
}): RepairAdvice | null {
  if (!isRepairCause(connection.finchStatus)) return null;
  const entry = REPAIR_ADVICE[connection.finchStatus][toAuthenticationType(connection.authenticationType)];
  const name = connection.providerName;
  return {
    ...entry,
    cause: connection.finchStatus,
    title: fill(entry.title, name),
    happened: fill(entry.happened, name),
    todo: entry.todo.map((step) => fill(step, name)),
    actionLabel: fill(entry.actionLabel, name),
    helpUrl: entry.action === "grant_admin" ? providerHelp(connection.providerId).adminHelpUrl : null,
  };
}
