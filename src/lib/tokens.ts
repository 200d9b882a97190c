import { createHash, randomBytes } from "node:crypto";

/** 256 bits of randomness, URL-safe: session cookies, invitation and reset links. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored hashed so that a database leak does not hand out live links or sessions. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
