// Which addresses an alert may be sent to. In production only public unicast addresses: the
// special-purpose ranges come from one maintained list (ipaddr.js's range names, after IANA's
// registries), and every range that is not plain `unicast` is refused, IPv4 inside IPv6 included.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

// IPv4-compatible addresses (::a.b.c.d, RFC 4291 §2.5.5.1, deprecated) are the one embedded-IPv4
// form ipaddr.js files under `unicast`; they reach the IPv4 inside on some stacks.
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

/** The range name ipaddr.js gives `address` ("unicast" for public space), or null for a non-address. */
export function addressRange(address: string): string | null {
  if (isIP(address) === 0) return null;
  const parsed = ipaddr.parse(address);
  const range = parsed.range();
  if (range === "unicast" && parsed.kind() === "ipv6" && parsed.match(IPV4_COMPATIBLE))
    return "ipv4Compatible";
  return range;
}

/** True when `address` (an IP literal) is a public unicast address an alert may reach in production. */
export function isPublicAddress(address: string): boolean {
  return addressRange(address) === "unicast";
}
