import "server-only";

import * as client from "openid-client";

import { env, garClientSecret } from "@/lib/env";
import { logger } from "@/lib/logger";
import { mapGarProfile } from "./domain/gar-claims";
import type { GarCallbackChecks, GarCompletion, GarPort } from "./types";

/**
 * The GAR port's OpenID Connect adapter (openid-client 6): authorization code + PKCE (S256) +
 * state + nonce, client_secret_basic, the GAR's `idRessource` parameter and its profile
 * endpoint (`idRessource` and `access_mode=web` in the query string, see docs/gar-sso.md §1).
 */
export type GarOidcSettings = {
  /** The issuer exactly as in the ID tokens (scheme, host, port, path; no trailing slash added). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The Pix resource's ARK id at the GAR. */
  resourceId: string;
  /** Public origin of the app: the callback URL is built from it, never from the request's host. */
  appBaseUrl: string;
  /** `discovery` for an issuer publishing its metadata (the stand-in); `static` for the GAR. */
  metadata: "discovery" | "static";
  endpoints?: { authorization?: string; token?: string; profile?: string; jwks?: string };
  idTokenAlg: string;
  /** Where the IDO is read: the profile's `IDO` claim (default) or the ID token's `sub`. */
  idoClaim?: "IDO" | "sub";
  timeoutSeconds?: number;
};

const SCOPE = "openid scope.gar";

function isLoopback(url: URL): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

export function garCallbackUrl(appBaseUrl: string): URL {
  return new URL("/gar/callback", appBaseUrl);
}

async function buildConfiguration(settings: GarOidcSettings): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  // Plain http is only for a stand-in on this machine; the GAR itself is https.
  if (issuer.protocol !== "https:" && !(issuer.protocol === "http:" && isLoopback(issuer))) {
    throw new Error("GAR_ISSUER must be an https URL (http is accepted for a local stand-in only).");
  }
  const insecure = issuer.protocol === "http:";
  const clientMetadata: Partial<client.ClientMetadata> = {
    client_secret: settings.clientSecret,
    id_token_signed_response_alg: settings.idTokenAlg,
  };
  const authentication = client.ClientSecretBasic(settings.clientSecret);
  const timeout = settings.timeoutSeconds ?? 10;

  let config: client.Configuration;
  if (settings.metadata === "discovery") {
    config = await client.discovery(issuer, settings.clientId, clientMetadata, authentication, {
      execute: insecure ? [client.allowInsecureRequests] : [],
      timeout,
    });
  } else {
    const { authorization, token, profile, jwks } = settings.endpoints ?? {};
    if (!authorization || !token || !profile) {
      throw new Error(
        "GAR_METADATA=static needs GAR_AUTHORIZATION_ENDPOINT, GAR_TOKEN_ENDPOINT and GAR_PROFILE_ENDPOINT.",
      );
    }
    config = new client.Configuration(
      {
        issuer: settings.issuer,
        authorization_endpoint: authorization,
        token_endpoint: token,
        userinfo_endpoint: profile,
        ...(jwks ? { jwks_uri: jwks } : {}),
        code_challenge_methods_supported: ["S256"],
      },
      settings.clientId,
      clientMetadata,
      authentication,
    );
    if (insecure) client.allowInsecureRequests(config);
    config.timeout = timeout;
  }
  // The ID token comes straight from the token endpoint over TLS; checking its signature too
  // costs little when the keys are published.
  if (config.serverMetadata().jwks_uri) client.enableNonRepudiationChecks(config);
  return config;
}

export function createGarOidcPort(settings: GarOidcSettings): GarPort {
  let configuration: Promise<client.Configuration> | undefined;
  const getConfiguration = () => {
    configuration ??= buildConfiguration(settings).catch((error: unknown) => {
      // Let the next request try again (the GAR or the stand-in may have been unreachable).
      configuration = undefined;
      throw error;
    });
    return configuration;
  };
  const redirectUri = garCallbackUrl(settings.appBaseUrl);

  return {
    async createAuthorizationRequest() {
      const config = await getConfiguration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri.toString(),
        scope: SCOPE,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        idRessource: settings.resourceId,
      });
      return { url, state, nonce, codeVerifier };
    },

    async completeAuthorization(callbackQuery: URLSearchParams, checks: GarCallbackChecks): Promise<GarCompletion> {
      const config = await getConfiguration();
      // Rebuilt from the configured public URL: behind a proxy the request's own URL may carry an
      // internal host, and the token endpoint compares redirect_uri character for character.
      const currentUrl = new URL(redirectUri);
      currentUrl.search = callbackQuery.toString();

      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        if (error instanceof client.AuthorizationResponseError && error.error === "access_denied") {
          // The GAR refuses a school with no subscription before asking about the student's
          // assignment; its description is the only way to tell the two apart (docs/gar.md).
          const description = error.error_description ?? "";
          return { ok: false, reason: /abonnement/i.test(description) ? "NO_SUBSCRIPTION" : "ACCESS_DENIED" };
        }
        const details = error as { code?: string; error?: string; name?: string };
        logger.warn("gar.oidc.code_exchange_failed", {
          errorType: details.name,
          errorCode: details.code ?? details.error,
        });
        return { ok: false, reason: "PROTOCOL_ERROR" };
      }

      const subject = tokens.claims()?.sub;
      if (!subject) return { ok: false, reason: "PROTOCOL_ERROR" };

      const profileUrl = new URL(config.serverMetadata().userinfo_endpoint ?? "");
      profileUrl.searchParams.set("idRessource", settings.resourceId);
      profileUrl.searchParams.set("access_mode", "web");
      try {
        const response = await client.fetchProtectedResource(config, tokens.access_token, profileUrl, "GET");
        if (!response.ok) {
          logger.warn("gar.oidc.profile_failed", { status: response.status });
          return { ok: false, reason: "PROTOCOL_ERROR" };
        }
        return mapGarProfile(await response.json(), subject, settings.idoClaim);
      } catch (error) {
        logger.warn("gar.oidc.profile_failed", { errorType: (error as Error).name });
        return { ok: false, reason: "PROTOCOL_ERROR" };
      }
    },
  };
}

export function garOidcSettingsFromEnv(): GarOidcSettings {
  const config = env();
  return {
    issuer: config.GAR_ISSUER.replace(/\/+$/, ""),
    clientId: config.GAR_CLIENT_ID,
    clientSecret: garClientSecret(),
    resourceId: config.GAR_RESOURCE_ID,
    appBaseUrl: config.APP_BASE_URL,
    metadata: config.GAR_METADATA,
    endpoints: {
      authorization: config.GAR_AUTHORIZATION_ENDPOINT,
      token: config.GAR_TOKEN_ENDPOINT,
      profile: config.GAR_PROFILE_ENDPOINT,
      jwks: config.GAR_JWKS_URI,
    },
    idTokenAlg: config.GAR_ID_TOKEN_ALG,
    idoClaim: config.GAR_OIDC_IDO_CLAIM,
  };
}

const globalForGar = globalThis as unknown as { __garPort?: GarPort };

/** The app's GAR port, configured from the environment once per process. */
export function getGarPort(): GarPort {
  globalForGar.__garPort ??= createGarOidcPort(garOidcSettingsFromEnv());
  return globalForGar.__garPort;
}
