// How many sign-in links one address and one client may ask for: counted in PostgreSQL so every
// instance shares the count.
import "server-only";
import { env } from "@/lib/env";
import { consumeRateLimits, type RateLimitVerdict } from "@/lib/rate-limit/consume-rate-limit";

export function consumeSignInEmailLimit({
  email,
  ip,
  now,
}: {
  email: string;
  ip: string;
  now?: Date;
}): Promise<RateLimitVerdict> {
  const windowSeconds = env().SIGNIN_EMAIL_WINDOW_MINUTES * 60;
  return consumeRateLimits(
    [
      { key: `signin-address:${email}`, limit: env().SIGNIN_EMAILS_PER_ADDRESS, windowSeconds },
      { key: `signin-ip:${ip}`, limit: env().SIGNIN_EMAILS_PER_IP, windowSeconds },
    ],
    now,
  );
}
