"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/fetch-json";

// What next-auth/react's signOut does (CSRF token, then a form POST to the sign-out endpoint), without
// shipping next-auth's whole client to every dashboard page.
async function signOut(callbackUrl: string): Promise<void> {
  const { csrfToken } = await fetchJson<{ csrfToken: string }>("/api/auth/csrf");
  const { url } = await fetchJson<{ url?: string }>("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  window.location.assign(url ?? callbackUrl);
}

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      pending={pending}
      onClick={() => {
        setPending(true);
        // If the quick way fails, next-auth's own sign-out page (a plain form) still works.
        signOut("/login").catch(() =>
          window.location.assign(new URL("/api/auth/signout", window.location.href)),
        );
      }}
    >
      Sign out
    </Button>
  );
}
