import { BlockList, isIP } from "node:net";

/**
 * Who is on the other end of a request. Any client can write `X-Forwarded-For`, so it is read
 * only as far as configured proxies vouch for it (`TRUSTED_PROXIES`); by default nothing is
 * trusted and the socket's address is the client's.
 *
 * Next's App Router gives pages and actions no socket, so the server (scripts/serve.ts) resolves
 * the address once per request and passes it in CLIENT_ADDRESS_HEADER, after deleting whatever
 * the client sent under that name. App code trusts that header only when it runs inside that
 * server (CLIENT_ADDRESS_MARKER); under any other server every client is "unknown", which
 * throttles more, never less.
 */
export const CLIENT_ADDRESS_HEADER = "x-pix-client-address";
export const UNKNOWN_CLIENT_ADDRESS = "unknown";
const CLIENT_ADDRESS_MARKER = Symbol.for("pix.clientAddressHeaderIsSet");

export type TrustedProxies =
  | { kind: "none" }
  /** This many proxies, each adding one `X-Forwarded-For` entry, stand in front of the app. */
  | { kind: "hops"; count: number }
  /** Proxies known by address or CIDR: entries they added are believed, others are not. */
  | { kind: "list"; blockList: BlockList; description: string };

export class TrustedProxiesError extends Error {}

/** `TRUSTED_PROXIES`: empty → none; a number → hop count; else addresses/CIDRs separated by commas. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const trimmed = (value ?? "").trim();
  if (trimmed === "" || trimmed === "0") return { kind: "none" };
  if (/^\d+$/.test(trimmed)) return { kind: "hops", count: Number(trimmed) };
  const blockList = new BlockList();
  for (const raw of trimmed
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const [address = "", prefix] = raw.split("/");
    const family = isIP(address);
    if (family === 0)
      throw new TrustedProxiesError(`TRUSTED_PROXIES : « ${raw} » n'est ni une adresse IP ni un réseau CIDR.`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      blockList.addAddress(address, type);
    } else {
      const bits = Number(prefix);
      if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) {
        throw new TrustedProxiesError(`TRUSTED_PROXIES : préfixe invalide dans « ${raw} ».`);
      }
      blockList.addSubnet(address, bits, type);
    }
  }
  return { kind: "list", blockList, description: trimmed };
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; brackets and zone ids removed; anything unparsable → null. */
export function normalizeAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  let address = value.trim();
  if (address.startsWith("[") && address.includes("]")) address = address.slice(1, address.indexOf("]"));
  address = address.replace(/%.*$/, "");
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address)) address = address.slice(7);
  return isIP(address) === 0 ? null : address.toLowerCase();
}

function isTrusted(address: string, trusted: Extract<TrustedProxies, { kind: "list" }>): boolean {
  return trusted.blockList.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket's, unless trusted proxies stand in front. Walking the chain
 * from the socket leftwards, each address a trusted proxy gave us is believed; the first one not
 * from a trusted proxy is the client. An entry that is not an IP address stops the walk.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | null | undefined,
  trusted: TrustedProxies,
): string {
  const socket = normalizeAddress(socketAddress) ?? UNKNOWN_CLIENT_ADDRESS;
  if (trusted.kind === "none") return socket;
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  if (trusted.kind === "hops") {
    const index = Math.max(0, chain.length - 1 - trusted.count);
    return normalizeAddress(chain[index]) ?? UNKNOWN_CLIENT_ADDRESS;
  }
  let current = socket;
  for (let index = chain.length - 2; index >= 0; index -= 1) {
    if (current === UNKNOWN_CLIENT_ADDRESS || !isTrusted(current, trusted)) return current;
    const previous = normalizeAddress(chain[index]);
    if (previous === null) return current;
    current = previous;
  }
  return current;
}

export function isLoopbackAddress(address: string): boolean {
  const normalized = normalizeAddress(address);
  if (normalized === null) return false;
  return normalized === "::1" || /^127\./.test(normalized);
}

/** Called once by the server that sets CLIENT_ADDRESS_HEADER on every request. */
export function markClientAddressHeaderAsSet(): void {
  (globalThis as Record<symbol, unknown>)[CLIENT_ADDRESS_MARKER] = true;
}

/** The client address from request headers (actions, pages, route handlers). */
export function clientAddressFromHeaders(headers: Pick<Headers, "get">): string {
  if ((globalThis as Record<symbol, unknown>)[CLIENT_ADDRESS_MARKER] !== true) return UNKNOWN_CLIENT_ADDRESS;
  return normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER)) ?? UNKNOWN_CLIENT_ADDRESS;
}
