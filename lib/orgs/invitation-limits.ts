// How many invitation emails one owner may send, and one address may receive, per window. Unlike
// sign-in, the owner is told plainly: they are signed in and already see who is invited.
import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limit";

export async function consumeInvitationLimit({
  inviterId,
  email,
  now,
}: {
  inviterId: string;
  email: string;
  now?: Date;
}): Promise<void> {
  const windowSeconds = env().INVITE_WINDOW_MINUTES * 60;
  const verdict = await consumeRateLimits(
    [
      { key: `invite-inviter:${inviterId}`, limit: env().INVITES_PER_INVITER, windowSeconds },
      { key: `invite-invitee:${email}`, limit: env().INVITES_PER_INVITEE, windowSeconds },
    ],
    now,
  );
  if (verdict.allowed) return;
  const minutes = Math.max(1, Math.ceil(verdict.retryAfterSeconds / 60));
  throw new AppError(
    "rate_limited",
    `Too many invitations were sent just now, so this one was not. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { retryAfterSeconds: verdict.retryAfterSeconds },
  );
}
