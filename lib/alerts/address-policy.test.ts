import { describe, expect, it } from "vitest";
import { addressRange, isPublicAddress } from "./address-policy";

// One address from every special-purpose range (IANA's IPv4 and IPv6 registries), with the range
// name it must be filed under. None of them may receive an alert in production.
const REFUSED: [address: string, range: string][] = [
  ["0.1.2.3", "unspecified"], // 0.0.0.0/8 "this network"
  ["0.0.0.0", "unspecified"],
  ["255.255.255.255", "broadcast"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["169.254.169.254", "linkLocal"], // the cloud metadata service
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["100.64.0.1", "carrierGradeNat"],
  ["10.1.2.3", "private"],
  ["172.16.5.4", "private"],
  ["172.31.255.255", "private"],
  ["192.168.1.1", "private"],
  ["192.0.0.8", "reserved"], // IETF protocol assignments
  ["192.0.2.1", "reserved"], // TEST-NET-1
  ["192.88.99.1", "reserved"], // 6to4 relay anycast
  ["198.18.0.1", "reserved"], // benchmarking
  ["198.19.255.1", "reserved"],
  ["198.51.100.7", "reserved"], // TEST-NET-2
  ["203.0.113.9", "reserved"], // TEST-NET-3
  ["240.0.0.1", "reserved"],
  ["192.175.48.1", "as112"],
  ["192.31.196.1", "as112"],
  ["192.52.193.1", "amt"],
  ["::", "unspecified"],
  ["::1", "loopback"],
  ["fe80::1", "linkLocal"],
  ["fe80::1%eth0", "linkLocal"],
  ["ff02::1", "multicast"],
  ["fc00::1", "uniqueLocal"],
  ["fd00:ec2::254", "uniqueLocal"], // AWS's IPv6 metadata service
  ["::ffff:127.0.0.1", "ipv4Mapped"],
  ["::ffff:7f00:1", "ipv4Mapped"],
  ["::ffff:8.8.8.8", "ipv4Mapped"], // mapped space is refused whatever is inside
  ["::7f00:1", "ipv4Compatible"], // ::/96, deprecated IPv4-compatible (how URLs write ::127.0.0.1)
  ["::808:808", "ipv4Compatible"],
  ["::a9fe:a9fe", "ipv4Compatible"],
  ["::127.0.0.1", "ipv4Mapped"], // ipaddr.js reads the dotted ::/96 form as mapped: refused either way
  ["::8.8.8.8", "ipv4Mapped"],
  ["fec0::1", "deprecatedSiteLocal"],
  ["100::1", "discard"],
  ["::ffff:0:7f00:1", "rfc6145"],
  ["64:ff9b::7f00:1", "rfc6052"], // NAT64
  ["64:ff9b::a9fe:a9fe", "rfc6052"],
  ["64:ff9b:1::1", "rfc6052"], // local-use NAT64
  ["2002:7f00:1::1", "6to4"],
  ["2002:a9fe:a9fe::", "6to4"],
  ["2001::1", "teredo"],
  ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "teredo"],
  ["2001:2::1", "benchmarking"],
  ["2001:3::1", "amt"],
  ["2001:4:112::1", "as112v6"],
  ["2620:4f:8000::1", "as112v6"],
  ["2001:10::1", "deprecatedOrchid"],
  ["2001:20::1", "orchid2"],
  ["2001:30::1", "droneRemoteIdProtocolEntityTags"],
  ["5f00::1", "segmentRouting"],
  ["2001:100::1", "reserved"], // IETF protocol assignments 2001::/23
  ["2001:db8::1", "reserved"], // documentation
  ["3fff::1", "reserved"], // documentation (RFC 9637)
];

const PUBLIC = [
  "93.184.216.34",
  "8.8.8.8",
  "1.1.1.1",
  "151.101.1.69",
  "192.0.3.1", // just past TEST-NET-1
  "198.20.0.1", // just past benchmarking
  "2606:4700:4700::1111",
  "2a00:1450:4001:80b::200e",
  "2001:4860:4860::8888", // Google DNS, outside 2001::/23
];

describe("the outbound address policy", () => {
  it.each(REFUSED)("refuses %s (%s)", (address, range) => {
    expect(addressRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(PUBLIC)("allows the public address %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each(["", "example.com", "127.1", "1.2.3.4.5", "::g", "[::1]"])(
    "refuses the non-address %j",
    (value) => {
      expect(isPublicAddress(value)).toBe(false);
    },
  );
});
