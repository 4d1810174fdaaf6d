"use client";

// The dashboard's poll of its connections through SWR, loaded after the page is interactive
// (use-connections.tsx): every 15 s and when the tab regains focus. Each refresh is a conditional
// request: unchanged, the server answers an empty 304 and the fetcher hands back the same object, so
// nothing re-renders.
import { useEffect, useRef } from "react";
import useSWR from "swr";
import { CONNECTIONS_KEY, fetchConnections, type ConnectionsAnswer } from "./fetch-connections";

export default function ConnectionsPoll({
  initial,
  onAnswer,
}: {
  /** What the page shows now: SWR's fallback until its first answer. */
  initial: ConnectionsAnswer;
  onAnswer: (answer: ConnectionsAnswer) => void;
}) {
  const { data } = useSWR<ConnectionsAnswer>(CONNECTIONS_KEY, fetchConnections, {
    fallbackData: initial,
    refreshInterval: 15_000,
    revalidateOnFocus: true,
  });
  // Only SWR's new answers: a newer one from the server (router.refresh) stays until the next poll.
  const seen = useRef(data);
  useEffect(() => {
    if (!data || data === seen.current) return;
    seen.current = data;
    onAnswer(data);
  }, [data, onAnswer]);
  return null;
}
