// URLs of the Connect round trip: our callback, and Finch's classic (session-less) authorize URL.
import "server-only";
import { env } from "@/lib/env";

export function connectCallbackUrl(): string {
  return new URL("/api/finch/callback", env().APP_URL).toString();
}

export interface ClassicConnectUrlOptions {
  state: string;
  products: string[];
  /** The connection's provider id (from /introspect): Connect then skips the provider picker. */
  payrollProvider?: string;
  /** Marks a reauthentication of this connection. */
  connectionId?: string;
}

/** Finch's classic authorize URL, for applications not yet on Connect sessions. */
export function classicConnectUrl({
  state,
  products,
  payrollProvider,
  connectionId,
}: ClassicConnectUrlOptions): string {
  const { FINCH_CONNECT_URL, FINCH_CLIENT_ID, FINCH_SANDBOX } = env();
  const url = new URL("/authorize", FINCH_CONNECT_URL);
  url.searchParams.set("client_id", FINCH_CLIENT_ID);
  url.searchParams.set("products", products.join(" "));
  url.searchParams.set("redirect_uri", connectCallbackUrl());
  url.searchParams.set("state", state);
  if (payrollProvider) url.searchParams.set("payroll_provider", payrollProvider);
  if (connectionId) url.searchParams.set("connection_id", connectionId);
  if (FINCH_SANDBOX) url.searchParams.set("sandbox", FINCH_SANDBOX);
  return url.toString();
}

/** Finch returns connect_url without our state; the redirect flow echoes whatever state the URL carries. */
export function withState(connectUrl: string, state: string): string {
  const url = new URL(connectUrl);
  url.searchParams.set("state", state);
  return url.toString();
}
