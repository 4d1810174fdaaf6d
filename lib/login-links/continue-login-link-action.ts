"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { readSessionToken } from "@/lib/auth/session-member";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { safeLocalPath } from "@/lib/safe-redirect";
import { consumeLoginLink } from "./consume-login-link";
import { LINK_EXPIRED_PATH, OTHER_ORGANIZATION_PATH } from "./login-link-token";

const formSchema = z.object({ token: z.string().max(100) });

/** The login link page's "Continue" button: spends the link, sets next-auth's cookie, lands. */
export async function continueLoginLink(formData: FormData): Promise<void> {
  const form = formSchema.safeParse(Object.fromEntries(formData));
  const outcome = form.success
    ? await consumeLoginLink({ token: form.data.token })
    : { kind: "expired" as const };
  if (outcome.kind === "expired") redirect(LINK_EXPIRED_PATH);
  if (outcome.kind === "other_organization") redirect(OTHER_ORGANIZATION_PATH);
  // Whoever was signed in in this browser is signed out, as next-auth's own callback does.
  const previous = await readSessionToken();
  if (previous) await db().session.deleteMany({ where: { sessionToken: previous } });
  const cookie = sessionCookie(outcome.session.sessionToken, outcome.session.expires);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  redirect(safeLocalPath(outcome.returnTo));
}
