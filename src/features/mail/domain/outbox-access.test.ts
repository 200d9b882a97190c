import { describe, expect, it } from "vitest";

import { decideOutboxAccess, type OutboxAccessInput } from "./outbox-access";

const base: OutboxAccessInput = {
  devPagesEnabled: true,
  isLoopbackClient: true,
  presentedKey: null,
  configuredKey: "k".repeat(32),
  signedInStaffEmail: null,
};

describe("decideOutboxAccess", () => {
  it("hides the page from other machines and when dev pages are off, whatever the key or session", () => {
    for (const override of [{ isLoopbackClient: false }, { devPagesEnabled: false }]) {
      expect(
        decideOutboxAccess({ ...base, ...override, presentedKey: "k".repeat(32), signedInStaffEmail: "a@b.fr" }),
      ).toEqual({ kind: "HIDDEN" });
    }
  });

  it("shows everything only to the holder of the configured key", () => {
    expect(decideOutboxAccess({ ...base, presentedKey: "k".repeat(32) })).toEqual({ kind: "ALL" });
    expect(decideOutboxAccess({ ...base, presentedKey: "k".repeat(31) })).toEqual({ kind: "LOCKED" });
    expect(decideOutboxAccess({ ...base, presentedKey: "x".repeat(32) })).toEqual({ kind: "LOCKED" });
    expect(decideOutboxAccess({ ...base, configuredKey: undefined, presentedKey: "anything" })).toEqual({
      kind: "LOCKED",
    });
    expect(decideOutboxAccess({ ...base, configuredKey: "", presentedKey: "" })).toEqual({ kind: "LOCKED" });
  });

  it("shows a signed-in staff member their own mail only", () => {
    expect(decideOutboxAccess({ ...base, signedInStaffEmail: "Prof@College.fr" })).toEqual({
      kind: "RECIPIENT",
      email: "prof@college.fr",
    });
    expect(
      decideOutboxAccess({ ...base, signedInStaffEmail: "prof@college.fr", presentedKey: "k".repeat(32) }),
    ).toEqual({ kind: "ALL" });
  });
});
