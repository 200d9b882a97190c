/**
 * The local GAR/ENT stand-in: a real OpenID provider (oidc-provider 9) speaking like the GAR's
 * OIDC interface (endpoint names, `scope.gar`, `idRessource`, PKCE, client_secret_basic, claims
 * IDO/PRE/NOM/UAI/PRO/DIV), plus an "ENT démo" (sign-in, médiacentre) in front of it. The app
 * talks to it over HTTP exactly as it would to the GAR. Development and tests only.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { errors, type KoaContext, type Middleware } from "oidc-provider";
import { assertNotProduction, type GarStandInConfig, readGarStandInConfig } from "./config";
import { renderErrorPage, renderMediacentrePage, renderSignInPage } from "./pages";
import { createStandInSamlIdp, NO_SUBSCRIPTION_MESSAGE, type SamlAuthnRequest, type SamlIssuedLogin } from "./saml-idp";
import { DEMO_UAI, type FixtureStudent, fixtureStudents } from "./students";
import type { SubscriptionStore } from "./subscription-service";

export type GarStandInOptions = Partial<GarStandInConfig> & {
  /** Replaces the fixture students of students.json. */
  students?: readonly FixtureStudent[];
  /** Print protocol errors (never identities). Defaults to true. */
  logErrors?: boolean;
  /** The app's SAML SP certificate (PEM; else GAR_STAND_IN_SP_CERT): AuthnRequest signatures are then checked. */
  spCert?: string;
  /**
   * The subscriptions of the subscription web service stand-in: when given, a student of a school
   * with no active subscription to the resource gets no Pix tile and is refused (access_denied /
   * RequestDenied), as the real GAR hides the resource. Absent: every school is subscribed.
   */
  subscriptions?: SubscriptionStore;
};

export type GarStandIn = {
  /** The issuer the app must be configured with. */
  issuer: string;
  /** Where the "ENT démo" sign-in page is. */
  entUrl: string;
  /** The SAML IdP's metadata URL (also its entityID): the app's GAR_SAML_IDP_METADATA. */
  samlMetadataUrl: string;
  config: GarStandInConfig;
  close(): Promise<void>;
};

/** GAR-like endpoint names (docs/gar-sso.md §1), all under /oidc like the GAR's base URL. */
export const GAR_ROUTES = {
  authorization: "/oidc/oidcAuthorize",
  token: "/oidc/oidcAccessToken",
  userinfo: "/oidc/oidcProfile",
  jwks: "/oidc/jwks",
  end_session: "/oidc/logout",
} as const;

const GAR_SCOPE = "scope.gar";
const STUDENT_PROFILE = "National_elv";
const ENT_COOKIE = "ent_demo_identity";
// Renamed so that they never collide with the app's cookies: cookies are per host, not per port.
const OP_COOKIES = { session: "gar_op_session", interaction: "gar_op_interaction", resume: "gar_op_resume" };
const MAX_FORM_BYTES = 16 * 1024;

/** `sid`: this ENT sign-in (the SAML sign-ins released during it are kept under it, for logout). */
type EntIdentity = Omit<FixtureStudent, "siecle" | "birthdate" | "note"> & { birthdate?: string; sid?: string };

function derivedIdo(firstName: string, lastName: string): string {
  return createHash("sha512")
    .update(`ent-demo/${firstName.trim().toLowerCase()}/${lastName.trim().toLowerCase()}`)
    .digest("hex");
}

async function readForm(ctx: KoaContext): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new errors.InvalidRequest("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function html(ctx: KoaContext, body: string, status = 200): void {
  ctx.status = status;
  ctx.type = "text/html; charset=utf-8";
  ctx.set("Cache-Control", "no-store");
  ctx.set(
    "Content-Security-Policy",
    "default-src 'none'; style-src 'unsafe-inline'; form-action *; frame-ancestors 'none'",
  );
  ctx.body = body;
}

function seeOther(ctx: KoaContext, url: string): void {
  ctx.status = 303;
  ctx.redirect(url);
}

export async function startGarStandIn(options: GarStandInOptions = {}): Promise<GarStandIn> {
  assertNotProduction();
  const { students = fixtureStudents, logErrors = true, spCert, subscriptions, ...overrides } = options;
  const requested = readGarStandInConfig(overrides);

  // Listen first: with port 0 (tests) the issuer can only be written once the port is known. A
  // request arriving before the provider is built (the SAML keys take a while) waits for it
  // instead of hanging with no handler (Playwright's readiness probe did, until its timeout).
  let handle: ((request: IncomingMessage, response: ServerResponse) => void) | null = null;
  const early: [IncomingMessage, ServerResponse][] = [];
  const server: Server = createServer((request, response) => {
    if (handle) handle(request, response);
    else early.push([request, response]);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(requested.port, requested.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuerWasGiven = overrides.issuer !== undefined || process.env.GAR_STAND_IN_ISSUER !== undefined;
  const config: GarStandInConfig = {
    ...requested,
    port,
    issuer: issuerWasGiven ? requested.issuer : `http://localhost:${port}`,
  };

  const samlIdp = await createStandInSamlIdp({
    issuer: config.issuer,
    appBaseUrl: config.appBaseUrl,
    spCert: spCert ?? process.env.GAR_STAND_IN_SP_CERT,
  });

  const accounts = new Map<string, EntIdentity>(students.map((student) => [student.ido, student]));
  // SAML sign-ins released to the SP, per ENT sign-in: "Se déconnecter de l'ENT" ends them (SLO).
  const samlLogins = new Map<string, SamlIssuedLogin[]>();
  const studentsByKey = new Map(students.map((student) => [student.key, student]));
  const redirectUri = `${config.appBaseUrl}/gar/callback`;

  const provider = new Provider(config.issuer, {
    clients: [
      {
        client_id: config.clientId,
        client_secret: config.clientSecret,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [`${config.appBaseUrl}/`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    clientAuthMethods: ["client_secret_basic"],
    scopes: ["openid", GAR_SCOPE],
    claims: { openid: ["sub"], [GAR_SCOPE]: ["IDO", "PRE", "NOM", "UAI", "PRO", "DIV"] },
    extraParams: {
      // The GAR only serves a resource the request names, and only the one the client is for.
      async idRessource(_ctx: KoaContext, value: unknown) {
        if (value !== config.resourceId) throw new errors.InvalidRequest("idRessource is missing or unknown");
      },
    },
    pkce: { required: () => true },
    routes: GAR_ROUTES,
    jwks: { keys: config.signingKeys },
    cookies: { keys: config.cookieKeys, names: OP_COOKIES },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContext, form: string) => {
          const confirm = `${form}<p><button class="primary" form="op.logoutForm" type="submit" name="logout" value="yes">Se déconnecter du GAR</button></p>`;
          html(
            ctx,
            renderErrorPage("Déconnexion", "Voulez-vous vous déconnecter du GAR ?").replace(
              "</main>",
              `${confirm}</main>`,
            ),
          );
        },
        postLogoutSuccessSource: async (ctx: KoaContext) => {
          html(ctx, renderErrorPage("Déconnecté", "Vous êtes déconnecté du GAR."));
        },
      },
    },
    ttl: {
      AccessToken: 60 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Session: 6 * 60 * 60,
      Grant: 6 * 60 * 60,
    },
    interactions: { url: async (_ctx: KoaContext, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // No consent screen: the GAR never asks students to consent to a resource their school chose.
    loadExistingGrant: async (ctx: KoaContext) => {
      const clientId = ctx.oidc.client?.clientId;
      const accountId = ctx.oidc.session?.accountId;
      if (!clientId || !accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      const grant = existing ?? new ctx.oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope(`openid ${GAR_SCOPE}`);
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx: KoaContext, sub: string) => {
      const identity = accounts.get(sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        claims: () => {
          const profile = identity.profile === undefined ? STUDENT_PROFILE : identity.profile;
          return {
            sub,
            IDO: identity.ido,
            PRE: identity.firstName,
            NOM: identity.lastName,
            // An identity without UAI or profile: the claim is absent, as the GAR would leave it out.
            ...(identity.uai ? { UAI: identity.uai } : {}),
            ...(profile !== null ? { PRO: profile } : {}),
            DIV: identity.division ? [identity.division] : [],
          };
        },
      };
    },
    renderError: async (ctx: KoaContext, out: { error?: string; error_description?: string }) => {
      html(
        ctx,
        renderErrorPage("Erreur du GAR", `${out.error ?? "server_error"} : ${out.error_description ?? ""}`),
        ctx.status || 400,
      );
    },
  });

  if (logErrors) {
    for (const event of ["server_error", "authorization.error", "grant.error", "userinfo.error"]) {
      provider.on(event, (_ctx: unknown, error: unknown) => {
        const err = error as { name?: string; message?: string; error_description?: string };
        console.error(`[gar-stand-in] ${event}: ${err.name ?? "Error"} ${err.error_description ?? err.message ?? ""}`);
      });
    }
  }

  function readEntIdentity(ctx: KoaContext): EntIdentity | null {
    const raw = ctx.cookies.get(ENT_COOKIE, { signed: true });
    if (!raw) return null;
    try {
      const identity = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as EntIdentity;
      if (typeof identity.ido !== "string") return null;
      // The stand-in may have restarted since: typed identities live in memory only.
      if (!accounts.has(identity.ido)) accounts.set(identity.ido, identity);
      return identity;
    } catch {
      return null;
    }
  }

  function forgetOpSession(ctx: KoaContext): void {
    for (const name of [OP_COOKIES.session, `${OP_COOKIES.session}.sig`])
      ctx.cookies.set(name, null, { signed: false });
  }

  function signInToEnt(ctx: KoaContext, form: URLSearchParams): EntIdentity | null {
    const key = form.get("key");
    let identity: EntIdentity | null = null;
    if (key) {
      const student = studentsByKey.get(key);
      if (!student) return null;
      identity = student;
    } else {
      const firstName = (form.get("prenom") ?? "").trim().slice(0, 100);
      const lastName = (form.get("nom") ?? "").trim().slice(0, 100);
      if (!firstName || !lastName) return null;
      const division = (form.get("classe") ?? "").trim().slice(0, 50);
      const uai = ((form.get("uai") ?? "").trim() || DEMO_UAI).toUpperCase().slice(0, 8);
      const ido = (form.get("ido") ?? "").trim().slice(0, 256) || derivedIdo(firstName, lastName);
      identity = {
        key: `saisi-${ido.slice(0, 12)}`,
        ido,
        firstName,
        lastName,
        uai,
        division: division ? `${division.replace(/\s+/g, "")}##${division}` : "",
        assigned: true,
      };
    }
    accounts.set(identity.ido, identity);
    const { key: identityKey, ido, firstName, lastName, uai, division, assigned, profile } = identity;
    const sid = randomBytes(16).toString("base64url");
    const cookie = Buffer.from(
      JSON.stringify({ key: identityKey, ido, firstName, lastName, uai, division, assigned, profile, sid }),
    ).toString("base64url");
    ctx.cookies.set(ENT_COOKIE, cookie, { signed: true, httpOnly: true, sameSite: "lax", path: "/" });
    // A new ENT user must not inherit the GAR session of the previous one.
    forgetOpSession(ctx);
    return { ...identity, sid };
  }

  /** Whether the identity's school has an active subscription to the resource (always, without a store). */
  function isSchoolSubscribed(identity: EntIdentity): boolean {
    if (!subscriptions || !identity.uai) return true;
    return subscriptions.hasActiveSubscription(identity.uai, config.resourceId);
  }

  async function finishInteraction(ctx: KoaContext, identity: EntIdentity): Promise<void> {
    const result = !isSchoolSubscribed(identity)
      ? {
          error: "access_denied",
          error_description: NO_SUBSCRIPTION_MESSAGE,
        }
      : identity.assigned
        ? { login: { accountId: identity.ido } }
        : {
            error: "access_denied",
            error_description: "La ressource n'est pas affectée à cet utilisateur dans le GAR.",
          };
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    seeOther(ctx, returnTo);
  }

  /** The SAML answer: an auto-posting form to the SP's ACS (its script allowed by a nonce). */
  function samlResponse(ctx: KoaContext, request: SamlAuthnRequest, identity: EntIdentity): void {
    const nonce = randomBytes(16).toString("base64");
    const sessionIndex = `_${randomBytes(16).toString("hex")}`;
    // No subscription: RequestDenied with the reason in its StatusMessage.
    const answered = { ...identity, unsubscribed: !isSchoolSubscribed(identity) };
    if (answered.assigned && !answered.unsubscribed && answered.sid) {
      samlLogins.set(answered.sid, [...(samlLogins.get(answered.sid) ?? []), { nameId: answered.ido, sessionIndex }]);
    }
    html(ctx, samlIdp.responsePage(request, answered, nonce, sessionIndex));
    ctx.set("Content-Security-Policy", `default-src 'none'; script-src 'nonce-${nonce}'; form-action *`);
  }

  const entRoutes: Middleware = async (ctx, next) => {
    const path = ctx.path;

    if (path === "/saml/metadata" && ctx.method === "GET") {
      ctx.type = "application/samlmetadata+xml; charset=utf-8";
      ctx.body = samlIdp.metadata();
      return;
    }

    if (path === samlIdp.ssoPath && ctx.method === "GET") {
      const rawQuery = ctx.url.split("?")[1] ?? "";
      const request = samlIdp.readAuthnRequest(new URLSearchParams(rawQuery), rawQuery);
      if (typeof request === "string") return html(ctx, renderErrorPage("Erreur du GAR", request), 400);
      // Already signed in to the ENT: the GAR answers at once, the student sees nothing.
      const identity = readEntIdentity(ctx);
      if (identity) return samlResponse(ctx, request, identity);
      return html(ctx, renderSignInPage({ action: `/saml/connexion/${samlIdp.park(request)}`, students }));
    }

    // Single logout initiated by the SP (its LogoutRequest: the ENT session ends, a signed
    // LogoutResponse goes back), or the SP's LogoutResponse to ours (back to the ENT).
    if (path === samlIdp.sloPath && ctx.method === "GET") {
      const rawQuery = ctx.url.split("?")[1] ?? "";
      const message = samlIdp.readSpLogoutMessage(new URLSearchParams(rawQuery), rawQuery);
      if (typeof message === "string") return html(ctx, renderErrorPage("Erreur du GAR", message), 400);
      if (message.kind === "RESPONSE") return seeOther(ctx, "/ent");
      const identity = readEntIdentity(ctx);
      if (identity?.sid) samlLogins.delete(identity.sid);
      ctx.cookies.set(ENT_COOKIE, null, { signed: true, path: "/" });
      forgetOpSession(ctx);
      return seeOther(ctx, await samlIdp.logoutResponseUrl(message.id, message.relayState));
    }

    const samlSignIn = /^\/saml\/connexion\/([A-Za-z0-9_-]+)$/.exec(path);
    if (samlSignIn && ctx.method === "POST") {
      const request = samlIdp.unpark(samlSignIn[1] ?? "");
      if (!request)
        return html(ctx, renderErrorPage("Session expirée", "Revenez à l'ENT et rouvrez la ressource."), 400);
      const identity = signInToEnt(ctx, await readForm(ctx));
      if (!identity)
        return html(ctx, renderErrorPage("Erreur", "Choisissez un élève ou saisissez un prénom et un nom."), 400);
      return samlResponse(ctx, request, identity);
    }

    if (path === GAR_ROUTES.userinfo) {
      // The GAR's profile endpoint wants the resource and the access mode in the query string.
      if (ctx.query.idRessource !== config.resourceId || ctx.query.access_mode !== "web") {
        ctx.status = 400;
        ctx.type = "application/json";
        ctx.body = { error: "invalid_request", error_description: "idRessource and access_mode=web are required" };
        return;
      }
      return next();
    }

    if (path === "/" && ctx.method === "GET") return seeOther(ctx, "/ent");

    if (path === "/ent" && ctx.method === "GET") {
      if (readEntIdentity(ctx)) return seeOther(ctx, "/ent/mediacentre");
      return html(ctx, renderSignInPage({ action: "/ent/connexion", students }));
    }

    if (path === "/ent/connexion" && ctx.method === "POST") {
      const identity = signInToEnt(ctx, await readForm(ctx));
      if (!identity)
        return html(
          ctx,
          renderSignInPage({
            action: "/ent/connexion",
            students,
            message: "Choisissez un élève ou saisissez un prénom et un nom.",
          }),
          400,
        );
      return seeOther(ctx, "/ent/mediacentre");
    }

    if (path === "/ent/mediacentre" && ctx.method === "GET") {
      const identity = readEntIdentity(ctx);
      if (!identity) return seeOther(ctx, "/ent");
      return html(
        ctx,
        renderMediacentrePage({
          student: { ...identity, birthdate: "", siecle: null },
          pixUrl: `${config.appBaseUrl}/gar/connexion`,
          schoolSubscribed: isSchoolSubscribed(identity),
        }),
      );
    }

    if (path === "/ent/deconnexion" && ctx.method === "POST") {
      // As the GAR does: a SOAP LogoutRequest per SAML sign-in, server to server, then one by
      // redirect through the browser. `canal=redirection` or `canal=soap`: one binding alone (tests).
      const channel = (await readForm(ctx)).get("canal");
      const redirectOnly = channel === "redirection";
      const identity = readEntIdentity(ctx);
      const logins = (identity?.sid && samlLogins.get(identity.sid)) || [];
      if (identity?.sid) samlLogins.delete(identity.sid);
      ctx.cookies.set(ENT_COOKIE, null, { signed: true, path: "/" });
      forgetOpSession(ctx);
      const last = logins.at(-1);
      if (!last) return seeOther(ctx, "/ent");
      if (!redirectOnly) {
        for (const login of logins) {
          try {
            const answer = await fetch(samlIdp.spSloUrl, {
              method: "POST",
              headers: {
                "Content-Type": "text/xml; charset=utf-8",
                SOAPAction: "http://www.oasis-open.org/committees/security",
              },
              body: await samlIdp.soapLogoutRequest(login),
              signal: AbortSignal.timeout(10_000),
            });
            if (!answer.ok && logErrors) console.error(`[gar-stand-in] SOAP logout: HTTP ${answer.status}`);
          } catch (error) {
            if (logErrors) console.error(`[gar-stand-in] SOAP logout: ${(error as Error).message}`);
          }
        }
      }
      if (channel === "soap") return seeOther(ctx, "/ent");
      // Several sign-ins: the redirect names the NameID only (all of them).
      const front = logins.length > 1 ? { nameId: last.nameId, sessionIndex: "" } : last;
      return seeOther(ctx, await samlIdp.logoutRequestUrl(front));
    }

    const interaction = /^\/interaction\/([A-Za-z0-9_-]+)(\/connexion)?$/.exec(path);
    if (interaction) {
      try {
        const details = await provider.interactionDetails(ctx.req, ctx.res);
        if (details.uid !== interaction[1])
          return html(ctx, renderErrorPage("Session expirée", "Revenez à l'ENT et rouvrez la ressource."), 400);
        if (interaction[2] && ctx.method === "POST") {
          const identity = signInToEnt(ctx, await readForm(ctx));
          if (!identity)
            return html(
              ctx,
              renderSignInPage({
                action: `${path}`,
                students,
                message: "Choisissez un élève ou saisissez un prénom et un nom.",
              }),
              400,
            );
          return await finishInteraction(ctx, identity);
        }
        if (ctx.method === "GET") {
          // Already signed in to the ENT: the GAR sees its session and answers without a page.
          const identity = readEntIdentity(ctx);
          if (identity) return await finishInteraction(ctx, identity);
          return html(ctx, renderSignInPage({ action: `/interaction/${details.uid}/connexion`, students }));
        }
      } catch (error) {
        const name = (error as { name?: string }).name ?? "Error";
        if (name === "SessionNotFound") {
          return html(ctx, renderErrorPage("Session expirée", "Revenez à l'ENT et rouvrez la ressource."), 400);
        }
        throw error;
      }
    }

    return next();
  };

  provider.use(entRoutes);
  handle = provider.callback();
  for (const [request, response] of early.splice(0)) handle(request, response);

  return {
    issuer: config.issuer,
    entUrl: `${config.issuer}/ent`,
    samlMetadataUrl: samlIdp.entityId,
    config,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
