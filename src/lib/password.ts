import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";

/**
 * Staff passwords: scrypt (memory-hard, in Node's standard library, no native addon to build).
 * Stored as `scrypt$N$r$p$salt$hash` so parameters can be raised later without breaking old hashes.
 * N = 2^17, r = 8, p = 1 is OWASP's minimum for scrypt (128 MiB, about 0.3 s on these machines).
 */
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize("NFC"), salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N, R, P);
  return ["scrypt", N, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

let verifications = 0;

/** How many hashes `verifyPassword` computed in this process: what throttles must bound (observable in tests). */
export function passwordVerificationCount(): number {
  return verifications;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  // A tampered row must not make us allocate unbounded memory or throw.
  const cost = Number(n);
  if (
    !/^\d+$/.test(n + r + p) ||
    cost < 2 ||
    (cost & (cost - 1)) !== 0 ||
    cost > 2 ** 20 ||
    Number(r) > 32 ||
    Number(p) > 16
  ) {
    return false;
  }
  const expected = Buffer.from(hash, "base64url");
  verifications += 1;
  const actual = await scrypt(password, Buffer.from(salt, "base64url"), cost, Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
