import { describe, expect, it } from "vitest";
import { burnPasswordCheck, hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword } from "./password-hash";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("uses strong scrypt parameters and a fresh salt each time", async () => {
    const [a, b] = await Promise.all([hashPassword("même mot de passe"), hashPassword("même mot de passe")]);
    expect(a).not.toBe(b);
    const [prefix, n, r, p, salt, key] = a.split("$");
    expect(prefix).toBe("scrypt");
    expect(Number(n)).toBeGreaterThanOrEqual(2 ** 17);
    expect(Number(r)).toBe(8);
    expect(Number(p)).toBe(1);
    expect(Buffer.from(salt!, "base64")).toHaveLength(16);
    expect(Buffer.from(key!, "base64")).toHaveLength(64);
    expect(a).not.toContain("même");
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const hash = await hashPassword("Élève-été-2026");
    expect(await verifyPassword("E\u0301le\u0300ve-e\u0301te\u0301-2026", hash)).toBe(true);
  });

  it("rejects malformed or tampered hashes without throwing", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$whatever")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1048577$8$1$c2FsdHNhbHRzYWx0$a2V5")).toBe(false);
    expect(await verifyPassword("x", `scrypt$${2 ** 30}$8$1$c2FsdHNhbHRzYWx0c2FsdA==$${"A".repeat(88)}`)).toBe(false);
  });

  it("flags weaker parameters for re-hashing", async () => {
    const hash = await hashPassword("mot de passe solide");
    expect(needsRehash(hash)).toBe(false);
    const weaker = hash.replace(`$${SCRYPT_PARAMS.N}$`, "$16384$");
    expect(needsRehash(weaker)).toBe(true);
    expect(needsRehash("garbage")).toBe(true);
  });

  it("burns a comparable amount of time for unknown accounts and always fails", async () => {
    expect(await burnPasswordCheck("anything")).toBe(false);
  });
});
