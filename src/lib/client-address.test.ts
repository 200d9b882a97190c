import { describe, expect, it } from "vitest";

import {
  isLoopbackAddress,
  normalizeAddress,
  parseTrustedProxies,
  resolveClientAddress,
  TrustedProxiesError,
} from "./client-address";

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For entirely when no proxy is trusted (the default)", () => {
    const none = parseTrustedProxies(undefined);
    expect(resolveClientAddress("203.0.113.7", "9.9.9.9", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:127.0.0.1", "9.9.9.9, 9.9.9.10", none)).toBe("127.0.0.1");
    expect(resolveClientAddress(undefined, "9.9.9.9", none)).toBe("unknown");
  });

  it("believes only the entries added by trusted proxies", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.168.1.5");
    // Our proxy 10.0.0.2 saw the client 198.51.100.4; what the client wrote before is ignored.
    expect(resolveClientAddress("10.0.0.2", "9.9.9.9, 198.51.100.4", trusted)).toBe("198.51.100.4");
    // Two trusted hops.
    expect(resolveClientAddress("10.0.0.2", "198.51.100.4, 192.168.1.5", trusted)).toBe("198.51.100.4");
    // A direct client (not a trusted proxy) cannot choose its address.
    expect(resolveClientAddress("198.51.100.4", "9.9.9.9", trusted)).toBe("198.51.100.4");
    // Garbage in the header stops the walk at the last trustworthy address.
    expect(resolveClientAddress("10.0.0.2", "not-an-ip", trusted)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "", trusted)).toBe("10.0.0.2");
  });

  it("with a hop count, takes the entry that many hops from the socket", () => {
    const oneHop = parseTrustedProxies("1");
    expect(resolveClientAddress("10.0.0.2", "9.9.9.9, 198.51.100.4", oneHop)).toBe("198.51.100.4");
    expect(resolveClientAddress("10.0.0.2", undefined, oneHop)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.4", parseTrustedProxies("5"))).toBe("198.51.100.4");
  });

  it("refuses a TRUSTED_PROXIES it cannot read", () => {
    expect(() => parseTrustedProxies("proxy.local")).toThrow(TrustedProxiesError);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(TrustedProxiesError);
    expect(parseTrustedProxies("0").kind).toBe("none");
    expect(parseTrustedProxies("2001:db8::/32").kind).toBe("list");
  });
});

describe("addresses", () => {
  it("normalises IPv4-mapped IPv6 and brackets", () => {
    expect(normalizeAddress("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("[::1]")).toBe("::1");
    expect(normalizeAddress("x")).toBeNull();
  });

  it("knows loopback", () => {
    expect(isLoopbackAddress("127.0.0.1")).toBe(true);
    expect(isLoopbackAddress("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopbackAddress("::1")).toBe(true);
    expect(isLoopbackAddress("10.0.0.1")).toBe(false);
    expect(isLoopbackAddress("unknown")).toBe(false);
  });
});
