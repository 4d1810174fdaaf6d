"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { EMAIL_ADDRESS_MESSAGE, parseEmailAddress } from "@/lib/auth/email-address";

export function LoginForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseEmailAddress(new FormData(event.currentTarget).get("email"));
    if (parsed.kind === "invalid") {
      setError(parsed.message);
      return;
    }
    const { email } = parsed;
    setPending(true);
    setError(null);
    const result = await signIn("email", { email, callbackUrl, redirect: false });
    if (!result || result.error) {
      setPending(false);
      if (result?.error === "EmailInvalid") return setError(EMAIL_ADDRESS_MESSAGE);
      setError("We could not send the sign-in link. Please try again in a moment.");
      return;
    }
    router.push(`/login/check-email?email=${encodeURIComponent(email)}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error && <Notice tone="error">{error}</Notice>}
      <Input
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={defaultEmail}
        placeholder="you@company.com"
        required
      />
      <Button type="submit" className="w-full" pending={pending}>
        {pending ? "Sending…" : "Send sign-in link"}
      </Button>
    </form>
  );
}
