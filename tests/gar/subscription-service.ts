/**
 * Stand-in of the GAR's subscription web service (abonnement): HTTPS with `requestCert`, only
 * client certificates signed by its own test CA get through the TLS handshake; PUT / GET / DELETE
 * /{idAbonnement}; the XML body checked field by field (namespace, required fields, enumerated
 * values, dates, the distributor and resource it knows); subscriptions kept in a store the GAR
 * stand-in reads to refuse students of a school with none (the real GAR hides the tile).
 * In memory: a test tool. Development and tests only.
 */
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";

import { DOMParser } from "@xmldom/xmldom";

import type { SubscriptionTestPki } from "./tls";

export const SUBSCRIPTION_NAMESPACE = "http://www.atosworldline.com/wsabonnement/v1.0/";

export type StoredSubscription = {
  idAbonnement: string;
  idDistributeurCom: string;
  idRessource: string;
  uaiEtab: string;
  typeAffectation: string;
  nbLicenceGlobale: string;
  publicCible: string[];
  /** yyyy-mm-ddThh:mm:ss. */
  debutValidite: string;
  anneeFinValidite: number;
  /** "ws" when created through the web service, "console" for the ones made by hand. */
  origin: "ws" | "console";
};

/** The stand-in's subscriptions, shared by the web service and the GAR sign-in stand-in. */
export class SubscriptionStore {
  private readonly byId = new Map<string, StoredSubscription>();

  put(subscription: StoredSubscription): "created" | "updated" {
    const existed = this.byId.has(subscription.idAbonnement);
    this.byId.set(subscription.idAbonnement, subscription);
    return existed ? "updated" : "created";
  }
  get(id: string): StoredSubscription | undefined {
    return this.byId.get(id);
  }
  delete(id: string): boolean {
    return this.byId.delete(id);
  }
  list(): StoredSubscription[] {
    return [...this.byId.values()];
  }
  /** A subscription made by hand in the GAR's console (what schools had before Pix managed them). */
  addConsoleSubscription(uai: string, resourceId: string, now = new Date()): void {
    const year = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    this.put({
      idAbonnement: `CONSOLE-${uai}`,
      idDistributeurCom: "console",
      idRessource: resourceId,
      uaiEtab: uai,
      typeAffectation: "INDIV",
      nbLicenceGlobale: "ILLIMITE",
      publicCible: ["ELEVE"],
      debutValidite: `${year}-09-01T00:00:00`,
      anneeFinValidite: year + 1,
      origin: "console",
    });
  }
  /** Whether the school's students may see the resource now: a subscription whose validity covers today. */
  hasActiveSubscription(uai: string, resourceId: string, now = new Date()): boolean {
    const today = now.toISOString().slice(0, 10);
    return this.list().some(
      (subscription) =>
        subscription.uaiEtab === uai.toUpperCase() &&
        subscription.idRessource === resourceId &&
        subscription.publicCible.includes("ELEVE") &&
        subscription.debutValidite.slice(0, 10) <= today &&
        // Valid to the end of the school year ending in anneeFinValidite (31 August).
        today < `${subscription.anneeFinValidite}-09-01`,
    );
  }
}

export type SubscriptionServiceOptions = {
  pki: Pick<SubscriptionTestPki, "ca" | "server">;
  store: SubscriptionStore;
  /** The distributor and resource the GAR knows for Pix: any other is refused (403). */
  distributorId: string;
  resourceId: string;
  port?: number;
  host?: string;
};

export type SubscriptionService = {
  url: string;
  store: SubscriptionStore;
  /** The next `count` requests get `status` (e.g. 503) without being processed: a GAR outage. */
  failNext(count: number, status?: number): void;
  /** Every request that got past the handshake: method, path, status answered. */
  requests: { method: string; id: string; status: number }[];
  /** How many TLS handshakes were refused (client certificate missing or from another CA). */
  tlsRefusals(): number;
  close(): Promise<void>;
};

const SINGLE_FIELDS = [
  "idAbonnement",
  "idDistributeurCom",
  "idRessource",
  "typeIdRessource",
  "uaiEtab",
  "typeAffectation",
  "nbLicenceGlobale",
  "debutValidite",
  "anneeFinValidite",
] as const;
const OPTIONAL_FIELDS = ["commentaireAbonnement", "libelleRessource", "categorieAffectation"];
const TARGET_AUDIENCES = ["ELEVE", "ENSEIGNANT", "DOCUMENTALISTE", "AUTRE PERSONNEL"];
const MAX_BODY_BYTES = 64 * 1024;
const BASE_PATH = "/abonnements";

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d, hh, mm, ss] = match.map(Number) as number[];
  const date = new Date(Date.UTC(y!, m! - 1, d!, hh, mm, ss));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d && hh! < 24;
}

/** Field-by-field validation of a PUT body: the parsed subscription, or every problem found. */
export function validateSubscriptionXml(
  xml: string,
  pathId: string,
  known: { distributorId: string; resourceId: string },
): { ok: true; subscription: Omit<StoredSubscription, "origin"> } | { ok: false; status: 400 | 403; errors: string[] } {
  if (/<!DOCTYPE/i.test(xml)) return { ok: false, status: 400, errors: ["DOCTYPE interdit"] };
  const errors: string[] = [];
  let failed = false;
  const onError = () => {
    failed = true;
  };
  const document = new DOMParser({
    errorHandler: { warning: () => {}, error: onError, fatalError: onError },
  }).parseFromString(xml, "text/xml");
  const root = document?.documentElement;
  if (failed || !root) return { ok: false, status: 400, errors: ["XML mal formé"] };
  if (root.localName !== "abonnement" || root.namespaceURI !== SUBSCRIPTION_NAMESPACE)
    return { ok: false, status: 400, errors: [`racine attendue : {${SUBSCRIPTION_NAMESPACE}}abonnement`] };

  const values = new Map<string, string[]>();
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === 3 && (node.textContent ?? "").trim() === "") continue;
    if (node.nodeType !== 1) {
      errors.push("contenu inattendu dans abonnement");
      continue;
    }
    const element = node as unknown as Element;
    if (element.namespaceURI !== SUBSCRIPTION_NAMESPACE) {
      errors.push(`${element.localName} : hors de l'espace de noms du service`);
      continue;
    }
    const name = element.localName;
    if (![...SINGLE_FIELDS, "publicCible", ...OPTIONAL_FIELDS].includes(name)) {
      errors.push(`${name} : champ inconnu`);
      continue;
    }
    values.set(name, [...(values.get(name) ?? []), (element.textContent ?? "").trim()]);
  }
  const single = (name: string): string => {
    const found = values.get(name) ?? [];
    if (found.length === 0 || found[0] === "") errors.push(`${name} : obligatoire`);
    else if (found.length > 1) errors.push(`${name} : une seule valeur attendue`);
    return found[0] ?? "";
  };
  const idAbonnement = single("idAbonnement");
  const idDistributeurCom = single("idDistributeurCom");
  const idRessource = single("idRessource");
  const typeIdRessource = single("typeIdRessource");
  const uaiEtab = single("uaiEtab");
  const typeAffectation = single("typeAffectation");
  const nbLicenceGlobale = single("nbLicenceGlobale");
  const debutValidite = single("debutValidite");
  const anneeFinValidite = single("anneeFinValidite");
  const publicCible = values.get("publicCible") ?? [];

  if (idAbonnement && idAbonnement !== pathId) errors.push("idAbonnement : différent de celui de l'URL");
  if (idAbonnement && !/^[A-Za-z0-9_.-]{1,64}$/.test(idAbonnement)) errors.push("idAbonnement : caractères invalides");
  if (typeIdRessource && typeIdRessource !== "ark") errors.push("typeIdRessource : valeur attendue « ark »");
  if (idRessource && !/^ark:\/\d+\/.+/.test(idRessource)) errors.push("idRessource : identifiant ARK attendu");
  if (uaiEtab && !/^\d{7}[A-Z]$/.test(uaiEtab)) errors.push("uaiEtab : UAI invalide");
  if (typeAffectation && !["INDIV", "ETABL"].includes(typeAffectation))
    errors.push("typeAffectation : INDIV ou ETABL attendu");
  if (nbLicenceGlobale && nbLicenceGlobale !== "ILLIMITE" && !/^[1-9]\d*$/.test(nbLicenceGlobale))
    errors.push("nbLicenceGlobale : ILLIMITE ou un nombre attendu");
  if (publicCible.length === 0) errors.push("publicCible : au moins une valeur");
  for (const audience of publicCible)
    if (!TARGET_AUDIENCES.includes(audience)) errors.push(`publicCible : valeur inconnue « ${audience} »`);
  if (new Set(publicCible).size !== publicCible.length) errors.push("publicCible : valeur répétée");
  if (debutValidite && !isRealDate(debutValidite)) errors.push("debutValidite : date aaaa-mm-jjThh:mm:ss attendue");
  const endYear = Number(anneeFinValidite);
  if (anneeFinValidite && !/^\d{4}$/.test(anneeFinValidite)) errors.push("anneeFinValidite : année attendue");
  else if (debutValidite && isRealDate(debutValidite)) {
    const startYear = Number(debutValidite.slice(0, 4));
    if (endYear < startYear || endYear > startYear + 2)
      errors.push("anneeFinValidite : entre l'année de debutValidite et deux ans après");
  }
  if (errors.length > 0) return { ok: false, status: 400, errors };
  if (idDistributeurCom !== known.distributorId || idRessource !== known.resourceId)
    return { ok: false, status: 403, errors: ["distributeur ou ressource inconnus pour ce certificat"] };
  return {
    ok: true,
    subscription: {
      idAbonnement,
      idDistributeurCom,
      idRessource,
      uaiEtab,
      typeAffectation,
      nbLicenceGlobale,
      publicCible,
      debutValidite,
      anneeFinValidite: endYear,
    },
  };
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function subscriptionXml(subscription: StoredSubscription): string {
  const field = (name: string, value: string | number) => `<${name}>${escapeXml(String(value))}</${name}>`;
  return `<?xml version="1.0" encoding="UTF-8"?><abonnement xmlns="${SUBSCRIPTION_NAMESPACE}">${[
    field("idAbonnement", subscription.idAbonnement),
    field("idDistributeurCom", subscription.idDistributeurCom),
    field("idRessource", subscription.idRessource),
    field("typeIdRessource", "ark"),
    field("uaiEtab", subscription.uaiEtab),
    field("typeAffectation", subscription.typeAffectation),
    field("nbLicenceGlobale", subscription.nbLicenceGlobale),
    ...subscription.publicCible.map((audience) => field("publicCible", audience)),
    field("debutValidite", subscription.debutValidite),
    field("anneeFinValidite", subscription.anneeFinValidite),
  ].join("")}</abonnement>`;
}

function errorXml(errors: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><erreurs xmlns="${SUBSCRIPTION_NAMESPACE}">${errors
    .map((error) => `<erreur>${escapeXml(error)}</erreur>`)
    .join("")}</erreurs>`;
}

export async function startSubscriptionService(options: SubscriptionServiceOptions): Promise<SubscriptionService> {
  const failures: number[] = [];
  const requests: SubscriptionService["requests"] = [];
  const { store } = options;

  const server: Server = createServer(
    {
      key: options.pki.server.key,
      cert: options.pki.server.cert,
      ca: options.pki.ca.cert,
      requestCert: true,
      // Refused at the handshake: no certificate, or one not signed by the test CA.
      rejectUnauthorized: true,
      minVersion: "TLSv1.2",
    },
    (request, response) => {
      const path = (request.url ?? "/").split("?")[0]!;
      const id = path.startsWith(`${BASE_PATH}/`) ? decodeURIComponent(path.slice(BASE_PATH.length + 1)) : "";
      const answer = (status: number, body = "") => {
        requests.push({ method: request.method ?? "", id, status });
        response.writeHead(status, { "Content-Type": "application/xml; charset=utf-8" });
        response.end(body);
      };
      const failure = failures.shift();
      if (failure !== undefined) {
        request.resume();
        return answer(failure, errorXml(["service indisponible (panne simulée)"]));
      }
      if (!id || id.includes("/")) return answer(404, errorXml(["ressource inconnue"]));

      if (request.method === "GET") {
        const found = store.get(id);
        return found ? answer(200, subscriptionXml(found)) : answer(404, errorXml(["abonnement inconnu"]));
      }
      if (request.method === "DELETE") {
        return store.delete(id) ? answer(204) : answer(404, errorXml(["abonnement inconnu"]));
      }
      if (request.method !== "PUT") return answer(405, errorXml(["méthode non prise en charge"]));
      if (!/^(application|text)\/xml\b/.test(request.headers["content-type"] ?? ""))
        return answer(415, errorXml(["Content-Type XML attendu"]));

      const chunks: Buffer[] = [];
      let size = 0;
      request.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      request.on("end", () => {
        if (size > MAX_BODY_BYTES) return answer(413, errorXml(["corps trop grand"]));
        const checked = validateSubscriptionXml(Buffer.concat(chunks).toString("utf8"), id, options);
        if (!checked.ok) return answer(checked.status, errorXml(checked.errors));
        const outcome = store.put({ ...checked.subscription, origin: "ws" });
        answer(outcome === "created" ? 201 : 200, subscriptionXml({ ...checked.subscription, origin: "ws" }));
      });
    },
  );
  let tlsRefusals = 0;
  server.on("tlsClientError", () => {
    // A refused client certificate: the handshake fails, nothing reaches the handler.
    tlsRefusals += 1;
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}${BASE_PATH}`,
    store,
    requests,
    tlsRefusals: () => tlsRefusals,
    failNext(count, status = 503) {
      for (let index = 0; index < count; index += 1) failures.push(status);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The distributor id the stand-in knows when GAR_DISTRIBUTOR_ID is unset (development and tests). */
export const DEFAULT_DISTRIBUTOR_ID = "PIX-DISTRIBUTEUR-DEMO";

/**
 * UAIs given a subscription "made by hand in the GAR's console" at start, as schools had before
 * Pix managed them: GAR_STAND_IN_SUBSCRIBED_UAIS (comma-separated; empty: none), else the
 * fixture students' schools, so that the existing journeys find their school subscribed.
 */
export function consoleSubscribedUais(
  fixtureUais: readonly string[],
  env: Record<string, string | undefined> = process.env,
): string[] {
  const configured = env.GAR_STAND_IN_SUBSCRIBED_UAIS;
  const list = configured === undefined ? fixtureUais : configured.split(",");
  return [...new Set(list.map((uai) => uai.trim().toUpperCase()).filter(Boolean))];
}
