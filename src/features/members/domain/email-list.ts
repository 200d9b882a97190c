import { createHmac } from "node:crypto";

/**
 * Parses what an ADMIN pastes into the invitation field: addresses separated by commas,
 * semicolons, spaces or new lines, often copied from a mail client ("Nom <a@b.fr>").
 */
export type ParsedEmailList = { emails: string[]; invalid: string[] };

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A throttle bucket per e-mail (or address) that holds no personal data: a keyed hash (HMAC with
 * the server secret) cannot be reversed by hashing a list of known addresses.
 */
export function emailBucket(prefix: string, value: string, secret: string): string {
  return `${prefix}:${createHmac("sha256", secret).update(normalizeEmail(value)).digest("hex").slice(0, 32)}`;
}

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}

export function parseEmailList(input: string): ParsedEmailList {
  const withoutDisplayNames = input.replace(/[^,;\n<>]*<([^<>]+)>/g, " $1 ");
  const tokens = withoutDisplayNames
    .split(/[\s,;]+/)
    .map(normalizeEmail)
    .filter((token) => token.length > 0);
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const token of tokens) {
    if (!isPlausibleEmail(token)) {
      if (!invalid.includes(token)) invalid.push(token);
    } else if (!emails.includes(token)) {
      emails.push(token);
    }
  }
  return { emails, invalid };
}
