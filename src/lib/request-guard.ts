/**
 * Checks the server makes on every request before Next sees it (scripts/serve.ts). Pure, so
 * they are unit-tested without a server.
 */

/** Methods that change nothing: links, images and prefetches may come from anywhere. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Paths that receive cross-site POSTs by design (a SAML assertion posted by the GAR, its SOAP
 * back-channel LogoutRequest);
 * each must check its own message instead (signature, one-time id).
 */
export const CROSS_SITE_POST_PATHS: readonly string[] = ["/gar/saml/acs", "/gar/saml/logout"];

/**
 * A request that changes state (server actions, sign-out, uploads) must say it comes from a page
 * of our own origin: browsers always send `Origin` on such requests, so a missing one is a script
 * or a forged request, and a foreign one is cross-site request forgery. Both are refused.
 */
export function isAllowedRequestOrigin(
  request: { method: string; path: string; origin: string | undefined },
  appOrigin: string,
): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const pathname = request.path.split("?")[0] ?? "";
  if (CROSS_SITE_POST_PATHS.includes(pathname)) return true;
  if (!request.origin || request.origin === "null") return false;
  try {
    return new URL(request.origin).origin === appOrigin;
  } catch {
    return false;
  }
}

/** HSTS only when the public origin is https (a plain-http demo must stay reachable). */
export function strictTransportSecurity(appBaseUrl: string): string | null {
  return new URL(appBaseUrl).protocol === "https:" ? "max-age=31536000; includeSubDomains" : null;
}
