import { describe, expect, it } from "vitest";
import { invitationExpiry, invitationStatus, passwordResetExpiry, wouldRemoveLastAdmin } from "./team-rules";

describe("last admin rule", () => {
  it("refuses to demote or remove the only ADMIN", () => {
    expect(wouldRemoveLastAdmin({ role: "ADMIN" }, "MEMBER", 1)).toBe(true);
    expect(wouldRemoveLastAdmin({ role: "ADMIN" }, null, 1)).toBe(true);
  });

  it("allows it when another ADMIN remains", () => {
    expect(wouldRemoveLastAdmin({ role: "ADMIN" }, "MEMBER", 2)).toBe(false);
    expect(wouldRemoveLastAdmin({ role: "ADMIN" }, null, 2)).toBe(false);
  });

  it("never blocks changes to MEMBERs or keeping ADMIN", () => {
    expect(wouldRemoveLastAdmin({ role: "MEMBER" }, null, 1)).toBe(false);
    expect(wouldRemoveLastAdmin({ role: "MEMBER" }, "ADMIN", 1)).toBe(false);
    expect(wouldRemoveLastAdmin({ role: "ADMIN" }, "ADMIN", 1)).toBe(false);
  });
});

describe("invitation status", () => {
  const now = new Date("2026-09-15T08:00:00Z");
  const pending = { acceptedAt: null, cancelledAt: null, expiresAt: invitationExpiry(now) };

  it("is valid seven days", () => {
    expect(invitationStatus(pending, now)).toBe("PENDING");
    expect(invitationStatus(pending, new Date(now.getTime() + 7 * 86_400_000 - 1))).toBe("PENDING");
    expect(invitationStatus(pending, new Date(now.getTime() + 7 * 86_400_000))).toBe("EXPIRED");
  });

  it("accepted and cancelled win over expiry", () => {
    expect(invitationStatus({ ...pending, acceptedAt: now }, now)).toBe("ACCEPTED");
    expect(invitationStatus({ ...pending, cancelledAt: now }, now)).toBe("CANCELLED");
  });

  it("password reset links last one hour", () => {
    expect(passwordResetExpiry(now).getTime() - now.getTime()).toBe(3_600_000);
  });
});
