import { describe, expect, it } from "vitest";
import {
  derivePendingIdentityKey,
  openPendingIdentity,
  PENDING_IDENTITY_TTL_SECONDS,
  sealPendingIdentity,
} from "./pending-identity";

const key = derivePendingIdentityKey("test-secret-that-is-long-enough-0123456789");
const identity = {
  id: "p".repeat(43),
  garId: "f".repeat(64),
  firstName: "Maëlys",
  lastName: "DA SILVA",
  uais: ["0999001W"],
};
const now = new Date("2026-09-15T08:00:00Z");

describe("pending identity", () => {
  it("round-trips and keeps the names out of the token", () => {
    const token = sealPendingIdentity(identity, key, now);
    expect(token).not.toContain("DA SILVA");
    expect(Buffer.from(token, "base64url").toString("latin1")).not.toContain("SILVA");
    const opened = openPendingIdentity(token, key, new Date(now.getTime() + 59 * 60_000));
    expect(opened).toEqual({
      ok: true,
      identity,
      expiresAt: new Date(now.getTime() + PENDING_IDENTITY_TTL_SECONDS * 1000),
    });
  });

  it("uses a fresh IV each time", () => {
    expect(sealPendingIdentity(identity, key, now)).not.toBe(sealPendingIdentity(identity, key, now));
  });

  it("expires after one hour", () => {
    const token = sealPendingIdentity(identity, key, now);
    expect(openPendingIdentity(token, key, new Date(now.getTime() + 60 * 60_000))).toEqual({
      ok: false,
      reason: "EXPIRED",
    });
  });

  it("refuses a tampered token", () => {
    const raw = Buffer.from(sealPendingIdentity(identity, key, now), "base64url");
    for (const index of [0, 5, 20, raw.length - 1]) {
      const copy = Buffer.from(raw);
      copy[index] = (copy[index] ?? 0) ^ 0x01;
      expect(openPendingIdentity(copy.toString("base64url"), key, now)).toEqual({ ok: false, reason: "INVALID" });
    }
  });

  it("refuses a token sealed with another key", () => {
    const otherKey = derivePendingIdentityKey("another-secret-that-is-long-enough-987654");
    const token = sealPendingIdentity(identity, otherKey, now);
    expect(openPendingIdentity(token, key, now)).toEqual({ ok: false, reason: "INVALID" });
  });

  it("refuses garbage and reports a missing cookie", () => {
    expect(openPendingIdentity(undefined, key, now)).toEqual({ ok: false, reason: "MISSING" });
    expect(openPendingIdentity("", key, now)).toEqual({ ok: false, reason: "MISSING" });
    expect(openPendingIdentity("not base64!", key, now)).toEqual({ ok: false, reason: "INVALID" });
    expect(openPendingIdentity("AQID", key, now)).toEqual({ ok: false, reason: "INVALID" });
    expect(openPendingIdentity("A".repeat(5000), key, now)).toEqual({ ok: false, reason: "INVALID" });
  });

  it("refuses a short secret", () => {
    expect(() => derivePendingIdentityKey("short")).toThrow();
  });
});
