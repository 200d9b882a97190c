import { cookies } from "next/headers";

import { PENDING_IDENTITY_COOKIE } from "@/features/student-accounts/domain/pending-identity";
import { completeGarSamlLogout, handleGarSamlLogoutRequest } from "@/features/student-accounts/mutations";
import { getGarSamlPort } from "@/features/student-accounts/saml-client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { endSession } from "@/lib/session";
import { redirectTo } from "../../sign-in-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_SOAP_BYTES = 64 * 1024;
const REFUSED = "/gar/erreur/GAR_LOGOUT_REFUSED";

/**
 * SAML single logout (docs/gar.md), HTTP-Redirect binding. A GET that writes, as the binding
 * requires: it acts only on a message signed by the IdP (the signature is required, checked over
 * the query string against the metadata's certificates), once per request id.
 * - `SAMLRequest`: the IdP's LogoutRequest (the student left the ENT). The student's sessions
 *   from that sign-in are deleted, and this browser's own; a signed LogoutResponse goes back to
 *   the IdP by redirect.
 * - `SAMLResponse`: the IdP's answer to our LogoutRequest (our sign-out, /gar/deconnexion).
 */
export async function GET(request: Request) {
  if (env().GAR_PROTOCOL !== "saml") return new Response("Not Found", { status: 404 });
  try {
    const gar = await getGarSamlPort();
    const message = await gar.readLogoutRedirect(new URL(request.url).search.replace(/^\?/, ""));
    if (!message.ok) {
      logger.warn("gar.saml.logout_refused", { reason: message.reason });
      return redirectTo(REFUSED);
    }
    if (message.kind === "RESPONSE") {
      return redirectTo((await completeGarSamlLogout({ inResponseTo: message.inResponseTo })) ? "/" : REFUSED);
    }
    const outcome = await handleGarSamlLogoutRequest({ request: message });
    if (!outcome.ok) return redirectTo(REFUSED);
    await endSession();
    (await cookies()).delete(PENDING_IDENTITY_COOKIE);
    const location = await gar.logoutResponseRedirectUrl(message.requestId, message.relayState, outcome.known);
    return new Response(null, { status: 303, headers: { Location: location.toString(), "Cache-Control": "no-store" } });
  } catch (error) {
    logger.error("gar.saml.logout_failed", { error: (error as Error).message });
    return redirectTo(REFUSED);
  }
}

function soap(body: string, status: number): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function soapFault(reason: string): Response {
  return soap(
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>${reason}</faultstring></soap:Fault></soap:Body></soap:Envelope>`,
    400,
  );
}

/**
 * The SOAP back-channel the GAR uses: the IdP POSTs, server to server, a SOAP envelope holding
 * its signed LogoutRequest (no cookie, no browser: listed in CROSS_SITE_POST_PATHS). The
 * student's sessions from that sign-in are deleted; the answer is a SOAP LogoutResponse.
 */
export async function POST(request: Request) {
  if (env().GAR_PROTOCOL !== "saml") return new Response("Not Found", { status: 404 });
  try {
    if (Number(request.headers.get("content-length") ?? 0) > MAX_SOAP_BYTES) return soapFault("MALFORMED");
    if (!/^(text\/xml|application\/soap\+xml)\b/i.test(request.headers.get("content-type") ?? "")) {
      return soapFault("MALFORMED");
    }
    const body = await request.text();
    const gar = await getGarSamlPort();
    const message = await gar.readLogoutSoap(body);
    if (!message.ok || message.kind !== "REQUEST") {
      const reason = message.ok ? "MALFORMED" : message.reason;
      logger.warn("gar.saml.logout_refused", { reason, binding: "soap" });
      return soapFault(reason);
    }
    const outcome = await handleGarSamlLogoutRequest({ request: message });
    if (!outcome.ok) return soapFault("REPLAYED");
    return soap(gar.soapLogoutResponse(message.requestId, outcome.known), 200);
  } catch (error) {
    logger.error("gar.saml.logout_failed", { error: (error as Error).message, binding: "soap" });
    return soapFault("SERVER_ERROR");
  }
}
