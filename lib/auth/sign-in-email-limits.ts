// How many sign-in links one address and one client may ask for: counted in PostgreSQL so every
// instance shares the count. Per address a burst, then one link per interval: a flood cannot fill
// the owner's inbox, and cannot keep the owner from signing in for longer than one interval.
import "server-only";
import { env } from "@/lib/env";
import { consumeRateLimits, type RateLimitVerdict } from "@/lib/rate-limit/consume-rate-limit";
import { takePacedAllowance } from "@/lib/rate-limit/take-paced-allowance";

export async function consumeSignInEmailLimit({
  email,
  ip,
  now = new Date(),
}: {
  email: string;
  ip: string;
  now?: Date;
}): Promise<RateLimitVerdict> {
  const windowSeconds = env().SIGNIN_EMAIL_WINDOW_MINUTES * 60;
  const [address, client] = await Promise.all([
    takePacedAllowance(
      {
        key: `signin-address-paced:${email}`,
        burst: env().SIGNIN_EMAILS_PER_ADDRESS,
        intervalSeconds: env().SIGNIN_EMAIL_ADDRESS_INTERVAL_SECONDS,
      },
      now,
    ),
    consumeRateLimits([{ key: `signin-ip:${ip}`, limit: env().SIGNIN_EMAILS_PER_IP, windowSeconds }], now),
  ]);
  if (address.allowed && client.allowed) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(address.retryAfterSeconds, client.retryAfterSeconds) };
}
