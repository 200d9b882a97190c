import { z } from "zod";

/**
 * Every environment variable the app reads, validated once. `.env.example` documents each one.
 * Read through `env()` (lazy) so that `next build` and unit tests never need a configured runtime.
 */
/** `VAR=` in a .env copied from .env.example means "unset", not an empty value. */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** postgresql://… ; unset → the embedded PostgreSQL (PGlite) under .data/. */
  DATABASE_URL: z.string().startsWith("postgres").optional(),
  /** Hosts (and their sub-domains) accepted for the database in production, comma-separated; src/lib/data-hosting.ts. */
  DATA_HOSTING_ALLOWLIST: unsetIfEmpty(z.string().optional()),
  /** Public origin of the app, used for e-mailed links and the GAR callback URL. */
  APP_BASE_URL: z.url().default("http://localhost:3000"),
  /** Secret (≥ 32 chars) for signing/encrypting short-lived cookies such as the pending GAR identity. */
  SESSION_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /**
   * Proxies whose X-Forwarded-For entries are believed: addresses/CIDRs separated by commas, or a
   * hop count. Unset: none, the socket address is the client's. Read by scripts/serve.ts.
   */
  TRUSTED_PROXIES: unsetIfEmpty(z.string().optional()),
  /** Key (≥ 24 chars) that opens the whole local outbox (/dev/outbox?cle=…); `npm start` generates one. */
  OUTBOX_ACCESS_KEY: unsetIfEmpty(z.string().min(24).optional()),
  /** Mirrors `next dev`: serves dev-only pages such as /dev/outbox. */
  ENABLE_DEV_PAGES: z.enum(["0", "1"]).optional(),
  /** smtp://user:password@host:587 or smtps://… ; unset → e-mails go to the local outbox (OUTBOX_DIR). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: "SMTP_URL doit commencer par smtp:// ou smtps://" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Sender of every e-mail. */
  MAIL_FROM: z.string().min(3).default("Pix Orga <ne-pas-repondre@pix-orga.localhost>"),
  /** Folder of the local outbox (one JSON file per e-mail) when SMTP_URL is unset. */
  OUTBOX_DIR: z.string().min(1).default(".data/outbox"),
  /** GAR (OpenID Connect) issuer, exactly as it appears in its ID tokens. Default: the local stand-in. */
  GAR_ISSUER: unsetIfEmpty(z.url().default("http://localhost:4000")),
  GAR_CLIENT_ID: unsetIfEmpty(z.string().min(1).default("pix-gar-demo")),
  /** Required in production; outside it, the local stand-in's public development secret. */
  GAR_CLIENT_SECRET: unsetIfEmpty(z.string().min(1).optional()),
  /** The Pix resource's ARK id at the GAR (`idRessource`). */
  GAR_RESOURCE_ID: unsetIfEmpty(z.string().min(1).default("ark:/99999/pix-demo")),
  /** `discovery` reads the issuer's metadata (stand-in); `static` uses the endpoints below (the GAR has no discovery document). */
  GAR_METADATA: unsetIfEmpty(z.enum(["discovery", "static"]).default("discovery")),
  GAR_AUTHORIZATION_ENDPOINT: unsetIfEmpty(z.url().optional()),
  GAR_TOKEN_ENDPOINT: unsetIfEmpty(z.url().optional()),
  GAR_PROFILE_ENDPOINT: unsetIfEmpty(z.url().optional()),
  /** When set, ID token signatures are checked against it too. */
  GAR_JWKS_URI: unsetIfEmpty(z.url().optional()),
  GAR_ID_TOKEN_ALG: unsetIfEmpty(z.string().min(1).default("RS256")),
  /** OIDC: where the IDO is read — the profile's `IDO` claim (default) or the ID token's `sub` (docs/gar.md). */
  GAR_OIDC_IDO_CLAIM: unsetIfEmpty(z.enum(["IDO", "sub"]).default("IDO")),
  /** Which adapter of the GAR sign-in port runs (docs/gar.md): OpenID Connect (the stand-in's default) or SAML 2.0. */
  GAR_PROTOCOL: unsetIfEmpty(z.enum(["oidc", "saml"]).default("oidc")),
  /** The resource URL declared to the GAR (its ScoLOMFR notice): the SAML RelayState. Default: APP_BASE_URL/gar/connexion. */
  GAR_RESOURCE_URL: unsetIfEmpty(z.url().optional()),
  /** PEM private key signing our AuthnRequests (and decrypting encrypted assertions). Required with GAR_PROTOCOL=saml. */
  GAR_SAML_SP_KEY: unsetIfEmpty(z.string().includes("PRIVATE KEY").optional()),
  /** PEM certificate of that key, published in our SP metadata. */
  GAR_SAML_SP_CERT: unsetIfEmpty(z.string().includes("CERTIFICATE").optional()),
  /** The IdP's SAML metadata: a file path or an http(s) URL, read once at start and cached. */
  GAR_SAML_IDP_METADATA: unsetIfEmpty(z.string().min(1).optional()),
  /** Clock skew accepted on NotBefore / NotOnOrAfter, in milliseconds. */
  GAR_SAML_CLOCK_SKEW_MS: unsetIfEmpty(z.coerce.number().int().min(0).max(600_000).default(120_000)),
  /** JSON object renaming the SAML attributes read, e.g. {"IDO":"urn:oid:…"}; keys IDO, PRE, NOM, UAI, PRO, DIV. */
  GAR_SAML_ATTRIBUTE_MAPPING: unsetIfEmpty(z.string().optional()),
  /** Mentions légales (loi n° 2004-575, art. 6): the publisher (name, legal form, address, contact). */
  LEGAL_PUBLISHER: unsetIfEmpty(z.string().min(3).optional()),
  /** Mentions légales: the director of publication (a person's name and role). */
  LEGAL_PUBLICATION_DIRECTOR: unsetIfEmpty(z.string().min(3).optional()),
  /** Mentions légales: the host of the service and of its data (name, address, telephone). */
  LEGAL_HOST: unsetIfEmpty(z.string().min(3).optional()),
  /** How to reach the data protection officer (e-mail or postal address), shown on /confidentialite. */
  PRIVACY_CONTACT: unsetIfEmpty(z.string().min(3).optional()),
  /** Support contact (e-mail or address) for accessibility feedback, shown on /accessibilite and /mentions-legales. */
  SUPPORT_CONTACT: unsetIfEmpty(z.string().min(3).optional()),
  /**
   * The GAR's subscription web service (abonnement): base URL, PUT/GET/DELETE {base}/{idAbonnement}.
   * Unset: subscriptions are not managed by Pix (nothing is called, the checklist says so).
   */
  GAR_WS_URL: unsetIfEmpty(z.url().optional()),
  /** PEM client certificate the GAR issued from our CSR (mutual TLS). */
  GAR_WS_CERT: unsetIfEmpty(z.string().includes("CERTIFICATE").optional()),
  /** PEM private key of that certificate. */
  GAR_WS_KEY: unsetIfEmpty(z.string().includes("PRIVATE KEY").optional()),
  /** PEM CA certificate(s) of the web service's server certificate; unset: the system's CAs. */
  GAR_WS_CA: unsetIfEmpty(z.string().includes("CERTIFICATE").optional()),
  /** Our commercial distributor id at the GAR (idDistributeurCom). */
  GAR_DISTRIBUTOR_ID: unsetIfEmpty(z.string().min(1).optional()),
  /** publicCible of our subscriptions, comma-separated: ELEVE, plus ENSEIGNANT / DOCUMENTALISTE / AUTRE PERSONNEL for staff. */
  GAR_WS_TARGET_AUDIENCE: unsetIfEmpty(z.string().min(1).default("ELEVE")),
  /** Time limit of one call to the web service, in milliseconds. */
  GAR_WS_TIMEOUT_MS: unsetIfEmpty(z.coerce.number().int().min(100).max(120_000).default(10_000)),
  /** "0": this instance runs no job worker (it can still enqueue). Default: every app instance works (docs/decisions/013). */
  JOBS_WORKER: unsetIfEmpty(z.enum(["0", "1"]).default("1")),
  /** Connections of the job queue's own pool, per instance (besides DATABASE_POOL_MAX). */
  JOBS_POOL_MAX: unsetIfEmpty(z.coerce.number().int().min(1).max(20).default(3)),
  /** Days pg-boss keeps finished jobs (their payloads: ids only) before deleting them. */
  JOB_RETENTION_DAYS: unsetIfEmpty(z.coerce.number().int().min(1).max(90).default(7)),
  /** How often each instance checks the cron schedules, in seconds (1–45; one instance fires per minute). */
  JOBS_CRON_CHECK_SECONDS: unsetIfEmpty(z.coerce.number().int().min(1).max(45).default(30)),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Configuration invalide (variables d'environnement) :\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** The session secret; a development fallback is derived only outside production. */
export function sessionSecret(): string {
  const secret = env().SESSION_SECRET;
  if (secret) return secret;
  if (env().NODE_ENV === "production") {
    throw new Error("SESSION_SECRET doit être défini en production (32 caractères au moins).");
  }
  return "development-only-session-secret-not-for-production-use";
}

/** The GAR client secret; outside production, the committed secret of the local stand-in. */
export function garClientSecret(): string {
  const secret = env().GAR_CLIENT_SECRET;
  if (secret) return secret;
  if (env().NODE_ENV === "production") throw new Error("GAR_CLIENT_SECRET doit être défini en production.");
  return "development-only-gar-client-secret-not-for-production-use";
}

/** Dev-only pages (outbox…) are served in development and tests, or when explicitly enabled. */
export function areDevPagesEnabled(): boolean {
  return env().ENABLE_DEV_PAGES === "1" || env().NODE_ENV !== "production";
}

/** Only for tests: forget the parsed environment after changing process.env. */
export function resetEnvForTests(): void {
  cached = undefined;
}
