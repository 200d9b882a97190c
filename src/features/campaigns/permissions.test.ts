import { describe, expect, it } from "vitest";
import { canCreateCampaign, canManageCampaign } from "./permissions";

describe("campaign permissions", () => {
  it("lets any member create", () => {
    expect(canCreateCampaign({ userId: 1, role: "MEMBER" })).toBe(true);
    expect(canCreateCampaign({ userId: 1, role: "ADMIN" })).toBe(true);
  });

  it("lets an ADMIN or the owner manage, not another member", () => {
    expect(canManageCampaign({ userId: 1, role: "ADMIN" }, { ownerId: 2 })).toBe(true);
    expect(canManageCampaign({ userId: 2, role: "MEMBER" }, { ownerId: 2 })).toBe(true);
    expect(canManageCampaign({ userId: 3, role: "MEMBER" }, { ownerId: 2 })).toBe(false);
  });
});
