/**
 * Configuration of the GAR/ENT stand-in. Every value can come from the environment; the
 * defaults are the committed development keys of dev-config.json (public test keys).
 */
import devConfig from "./dev-config.json" with { type: "json" };

export type GarStandInConfig = {
  port: number;
  /** Interface to listen on. */
  host: string;
  /** The OpenID issuer string the app discovers, exactly (scheme, host, port, no trailing slash). */
  issuer: string;
  /** The app's public base URL: redirect URIs and the médiacentre's Pix tile point there. */
  appBaseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The Pix resource's ARK id, the `idRessource` the app must send. */
  resourceId: string;
  signingKeys: Record<string, unknown>[];
  cookieKeys: string[];
};

export const DEFAULT_GAR_STAND_IN_PORT = 4000;

function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

export function readGarStandInConfig(
  overrides: Partial<GarStandInConfig> = {},
  env: Record<string, string | undefined> = process.env,
): GarStandInConfig {
  const port = overrides.port ?? Number(env.GAR_STAND_IN_PORT ?? DEFAULT_GAR_STAND_IN_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("GAR_STAND_IN_PORT must be a port number");
  const cookieKeys =
    overrides.cookieKeys ??
    (env.GAR_STAND_IN_COOKIE_KEYS ? env.GAR_STAND_IN_COOKIE_KEYS.split(",") : devConfig.cookieKeys);
  const signingKeys =
    overrides.signingKeys ??
    (env.GAR_STAND_IN_JWKS
      ? (JSON.parse(env.GAR_STAND_IN_JWKS) as { keys: Record<string, unknown>[] }).keys
      : devConfig.signingKeys);
  return {
    port,
    host: overrides.host ?? env.GAR_STAND_IN_HOST ?? "127.0.0.1",
    issuer: trimTrailingSlash(overrides.issuer ?? env.GAR_STAND_IN_ISSUER ?? `http://localhost:${port}`),
    appBaseUrl: trimTrailingSlash(overrides.appBaseUrl ?? env.APP_BASE_URL ?? "http://localhost:3000"),
    clientId: overrides.clientId ?? env.GAR_CLIENT_ID ?? devConfig.client.clientId,
    clientSecret: overrides.clientSecret ?? env.GAR_CLIENT_SECRET ?? devConfig.client.clientSecret,
    resourceId: overrides.resourceId ?? env.GAR_RESOURCE_ID ?? devConfig.resourceId,
    signingKeys,
    cookieKeys,
  };
}

/** The stand-in uses public keys and accepts anyone: it must never run as a production GAR. */
export function assertNotProduction(env: Record<string, string | undefined> = process.env): void {
  if (env.NODE_ENV === "production" && env.GAR_STAND_IN_ALLOW_PRODUCTION !== "1") {
    throw new Error(
      "The GAR stand-in refuses to start with NODE_ENV=production: it is a test tool with public keys. " +
        "Set GAR_STAND_IN_ALLOW_PRODUCTION=1 to start it anyway (e.g. an end-to-end run of a production build).",
    );
  }
}
