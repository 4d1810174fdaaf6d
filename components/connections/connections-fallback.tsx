"use client";

import type { ReactNode } from "react";
import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { ConnectionsFallbackContext } from "./use-connections";

/** The connections the server read for this request, given once to every useConnections below it (the
 *  banner and the list), so the page carries them once rather than once per component. */
export function ConnectionsFallback({
  connections,
  children,
}: {
  connections: ConnectionSummary[];
  children: ReactNode;
}) {
  return <ConnectionsFallbackContext value={connections}>{children}</ConnectionsFallbackContext>;
}
