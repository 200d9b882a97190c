import { describe, expect, it } from "vitest";
import { can, type Capability } from "./permissions";

const adminOnly: Capability[] = [
  "team:invite",
  "team:manage-invitations",
  "team:change-role",
  "team:remove-member",
  "team:unblock-member",
  "campaign:manage-any",
  "import:run",
];

describe("permissions", () => {
  it("gives ADMIN every team capability", () => {
    for (const capability of adminOnly) expect(can({ role: "ADMIN" }, capability)).toBe(true);
  });

  it("keeps MEMBER to reading the team and creating campaigns", () => {
    for (const capability of adminOnly) expect(can({ role: "MEMBER" }, capability)).toBe(false);
    expect(can({ role: "MEMBER" }, "team:view")).toBe(true);
    expect(can({ role: "MEMBER" }, "campaign:create")).toBe(true);
  });
});
