import { createHash, randomBytes } from "node:crypto";

/**
 * One-time links (invitations, password resets) and session cookies carry a 256-bit random token;
 * only its sha256 is stored, so a leaked database cannot be replayed as links or cookies.
 */
export function generateSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens we issued are 43 base64url characters; anything else is rejected before any lookup. */
export function isWellFormedSecretToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
