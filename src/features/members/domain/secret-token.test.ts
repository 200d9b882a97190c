import { describe, expect, it } from "vitest";
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken } from "./secret-token";

describe("secret tokens", () => {
  it("are 256-bit url-safe random strings, never repeated", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateSecretToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(isWellFormedSecretToken(token)).toBe(true);
    }
  });

  it("are stored as a sha256 hex digest that does not contain the token", () => {
    const token = generateSecretToken();
    const hash = hashSecretToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashSecretToken(token));
    expect(hash).not.toBe(hashSecretToken(generateSecretToken()));
    expect(hash).not.toContain(token);
  });

  it("rejects anything that is not one of our tokens", () => {
    expect(isWellFormedSecretToken("")).toBe(false);
    expect(isWellFormedSecretToken("../../etc/passwd")).toBe(false);
    expect(isWellFormedSecretToken(`${generateSecretToken()}x`)).toBe(false);
    expect(isWellFormedSecretToken("a".repeat(42) + "=")).toBe(false);
  });
});
