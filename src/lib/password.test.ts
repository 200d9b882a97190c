import { describe, expect, it } from "vitest";

import { hashPassword, verifyPassword } from "@/lib/password";

describe("staff password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("Pix-Orga-2026!");
    expect(stored.startsWith("scrypt$131072$8$1$")).toBe(true);
    expect(await verifyPassword("Pix-Orga-2026!", stored)).toBe(true);
    expect(await verifyPassword("pix-orga-2026!", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password")).not.toEqual(await hashPassword("same password"));
  });

  it("refuses malformed stored values", async () => {
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
    expect(await verifyPassword("x", `scrypt$${2 ** 30}$8$1$c2FsdA$a2V5`)).toBe(false);
    expect(await verifyPassword("x", "scrypt$abc$8$1$c2FsdA$a2V5")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1000$8$1$c2FsdA$a2V5")).toBe(false);
  });
});
