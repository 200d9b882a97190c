/**
 * The "pending identity": who the GAR says an unknown student is (IDO + names), kept between the
 * callback and the birth-date form. It lives in the student's browser, so it is encrypted (IDO
 * and names are personal data) and authenticated (a forged IDO would let anyone claim a learner)
 * with AES-256-GCM, and it expires after an hour. It is single-use: `id` names its server-side row
 * (gar_pending_identities), consumed by the reconciliation that uses it, so a copied cookie
 * cannot be replayed.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { GarIdentity } from "./gar-claims";

export const PENDING_IDENTITY_TTL_SECONDS = 60 * 60;

export type PendingIdentity = Pick<GarIdentity, "garId" | "firstName" | "lastName" | "uais"> & {
  /** The server-side row's id (random, 256 bits), consumed once. */
  id: string;
};

export type OpenPendingIdentityResult =
  { ok: true; identity: PendingIdentity; expiresAt: Date } | { ok: false; reason: "MISSING" | "INVALID" | "EXPIRED" };

// 2: the payload names its server-side row (single use); version-1 cookies are refused.
const VERSION = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAX_TOKEN_LENGTH = 4096;
const ASSOCIATED_DATA = Buffer.from("pix/gar-pending-identity");

/** Derives the cookie key from the configured secret, so the secret itself is never a raw AES key. */
export function derivePendingIdentityKey(secret: string): Buffer {
  if (secret.length < 32) throw new Error("The pending identity secret must be at least 32 characters long.");
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), "pix/gar-pending-identity/v1", 32));
}

export function sealPendingIdentity(identity: PendingIdentity, key: Buffer, now: Date): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const payload = Buffer.from(
    JSON.stringify({
      id: identity.id,
      garId: identity.garId,
      firstName: identity.firstName,
      lastName: identity.lastName,
      uais: identity.uais,
      exp: issuedAt + PENDING_IDENTITY_TTL_SECONDS,
    }),
  );
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(ASSOCIATED_DATA);
  const encrypted = Buffer.concat([cipher.update(payload), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, encrypted, cipher.getAuthTag()]).toString("base64url");
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

export function openPendingIdentity(
  token: string | undefined | null,
  key: Buffer,
  now: Date,
): OpenPendingIdentityResult {
  if (!token) return { ok: false, reason: "MISSING" };
  if (token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return { ok: false, reason: "INVALID" };
  const raw = Buffer.from(token, "base64url");
  if (raw.length < 1 + IV_BYTES + TAG_BYTES + 1 || raw[0] !== VERSION) return { ok: false, reason: "INVALID" };

  let payload: unknown;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(ASSOCIATED_DATA);
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(raw.subarray(1 + IV_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]);
    payload = JSON.parse(plain.toString("utf8"));
  } catch {
    return { ok: false, reason: "INVALID" };
  }

  if (typeof payload !== "object" || payload === null) return { ok: false, reason: "INVALID" };
  const { id, garId, firstName, lastName, uais, exp } = payload as Record<string, unknown>;
  if (
    typeof id !== "string" ||
    id.length === 0 ||
    typeof garId !== "string" ||
    typeof firstName !== "string" ||
    typeof lastName !== "string" ||
    !isStringArray(uais) ||
    typeof exp !== "number"
  ) {
    return { ok: false, reason: "INVALID" };
  }
  if (exp * 1000 <= now.getTime()) return { ok: false, reason: "EXPIRED" };
  return { ok: true, identity: { id, garId, firstName, lastName, uais }, expiresAt: new Date(exp * 1000) };
}

/** httpOnly cookie holding the sealed pending identity. */
export const PENDING_IDENTITY_COOKIE = "pix_gar_pending";
/** httpOnly cookie binding a GAR callback to the browser that started the sign-in. */
export const GAR_REQUEST_COOKIE = "pix_gar_request";
