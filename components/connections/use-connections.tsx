"use client";

// The organization's connections for the banner and the list: the server's answer for this page at first,
// then SWR's. SWR (5 kB of the dashboard's script) is loaded just after the page is interactive, by the
// poll (connections-poll.tsx), which refreshes the answer every 15 s, when the tab regains focus (so a
// repair shows up by itself) and after an action (refreshConnections). Nothing on the page waits for it:
// until it comes, the server's answer is the data, as it was SWR's fallback before.
import {
  createContext,
  lazy,
  Suspense,
  useContext,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import type { ConnectionSummary } from "@/lib/connections/connection-summary";
import { CONNECTIONS_KEY, type ConnectionsAnswer } from "./fetch-connections";

const ConnectionsPoll = lazy(() => import("./connections-poll"));

const noSubscription = () => () => undefined;

/** False while the server renders and while the page hydrates, true once it is interactive. */
function useInteractive(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

const ConnectionsContext = createContext<ConnectionsAnswer | undefined>(undefined);

/** Gives every useConnections below (the banner and the pages) the server's answer, then the poll's. */
export function LiveConnections({
  connections,
  children,
}: {
  connections: ConnectionSummary[];
  children: ReactNode;
}) {
  const [answer, setAnswer] = useState<ConnectionsAnswer>(() => ({ connections }));
  const interactive = useInteractive();
  // A newer server answer (navigation, router.refresh) replaces what the page shows.
  const [served, setServed] = useState(connections);
  if (served !== connections) {
    setServed(connections);
    setAnswer({ connections });
  }
  return (
    <ConnectionsContext.Provider value={answer}>
      {children}
      {interactive && (
        <Suspense fallback={null}>
          <ConnectionsPoll initial={answer} onAnswer={setAnswer} />
        </Suspense>
      )}
    </ConnectionsContext.Provider>
  );
}

export function useConnections(): { data: ConnectionsAnswer | undefined } {
  return { data: useContext(ConnectionsContext) };
}

/** Refreshes the list now, after an action changed it. */
export async function refreshConnections(): Promise<void> {
  const { mutate } = await import("swr");
  await mutate(CONNECTIONS_KEY);
}
