// The client address as the nearest proxy saw it: the last X-Forwarded-For entry (the one the load
// balancer, or Next.js itself when there is none, adds). Used only to key rate limits.
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  if (last) return last.slice(0, 64);
  return headers.get("x-real-ip")?.trim().slice(0, 64) || "unknown";
}
