/**
 * Where to send a student after the GAR sign-in. The value travels through a query string and
 * the database, so it is untrusted: only a path of this app is kept, never an absolute URL,
 * a protocol-relative `//host`, a backslash trick (`/\host`, which browsers treat as `//host`)
 * or control characters.
 */

const MAX_LENGTH = 512;
const ALLOWED_PATH =
  /^\/(?:[A-Za-z0-9\-._~%!$&'()*+,;=:@]+(?:\/[A-Za-z0-9\-._~%!$&'()*+,;=:@]+)*\/?)?(?:\?[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*)?$/;

export function sanitizeReturnPath(value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (value.length === 0 || value.length > MAX_LENGTH) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  if (!ALLOWED_PATH.test(value)) return null;
  // Percent-encoded separators could become `//` or `\` once a later layer decodes them.
  if (/%(?:2f|5c|0d|0a|00|09)/i.test(value)) return null;
  const segments = value.split("?")[0]?.split("/") ?? [];
  if (segments.some((segment) => segment === "." || segment === "..")) return null;
  return value;
}

/** The path that resumes a campaign from its code, e.g. a `?campagne=` parameter. */
export function campaignReturnPath(code: string): string | null {
  return /^[A-Z0-9]{1,20}$/.test(code) ? `/campagnes/${code}` : null;
}
