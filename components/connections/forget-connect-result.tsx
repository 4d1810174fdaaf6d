"use client";

import { useEffect } from "react";

/** Drops `?connect=` from the address bar once shown, so a reload does not repeat an old outcome. */
export function ForgetConnectResult() {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("connect")) return;
    url.searchParams.delete("connect");
    window.history.replaceState(window.history.state, "", url);
  }, []);
  return null;
}
