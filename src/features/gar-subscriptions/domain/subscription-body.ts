/**
 * The subscription (abonnement) the GAR's web service keeps for one school, and the XML body of
 * its PUT, in the web service's namespace. Built and read with @xmldom/xmldom (no string
 * concatenation of values, no DTD).
 */
import { DOMImplementation, DOMParser, XMLSerializer } from "@xmldom/xmldom";

import { isoSchoolDate, schoolYearOf } from "./school-year";

export const GAR_SUBSCRIPTION_NAMESPACE = "http://www.atosworldline.com/wsabonnement/v1.0/";

export const TARGET_AUDIENCES = ["ELEVE", "ENSEIGNANT", "DOCUMENTALISTE", "AUTRE PERSONNEL"] as const;
export type TargetAudience = (typeof TARGET_AUDIENCES)[number];

export type GarSubscriptionBody = {
  /** Ours, stable for the school: PIX-<UAI>-<school id>. */
  idAbonnement: string;
  idDistributeurCom: string;
  /** The resource's ARK id. */
  idRessource: string;
  typeIdRessource: "ark";
  uaiEtab: string;
  /** INDIV: the school's assignment manager assigns the resource to each student. */
  typeAffectation: "INDIV";
  /** ILLIMITE: no licence count. */
  nbLicenceGlobale: "ILLIMITE";
  publicCible: TargetAudience[];
  /** yyyy-mm-dd. */
  debutValidite: string;
  /** The calendar year the subscription ends in (the end of the school year). */
  anneeFinValidite: number;
};

/** idAbonnement of a school: the UAI for people reading the GAR's console, the id for uniqueness. */
export function subscriptionIdFor(school: { id: number; uai: string }): string {
  return `PIX-${school.uai.toUpperCase()}-${school.id}`;
}

/** Parses GAR_WS_TARGET_AUDIENCE ("ELEVE,ENSEIGNANT"); ELEVE is always there: students are who Pix is for. */
export function parseTargetAudience(value: string): TargetAudience[] | null {
  const items = value
    .split(",")
    .map((item) => item.trim().toUpperCase())
    .filter(Boolean);
  if (!items.every((item): item is TargetAudience => (TARGET_AUDIENCES as readonly string[]).includes(item)))
    return null;
  const unique = [...new Set<TargetAudience>(["ELEVE", ...items])];
  return TARGET_AUDIENCES.filter((audience) => unique.includes(audience));
}

/**
 * The validity a subscription gets for the school year of `now`: from today (or the rentrée, when
 * renewing ahead) to the end of that school year.
 */
export function validityFor(now: Date): { schoolYear: number; debutValidite: string; anneeFinValidite: number } {
  const schoolYear = schoolYearOf(now);
  return { schoolYear, debutValidite: isoSchoolDate(now), anneeFinValidite: schoolYear + 1 };
}

const FIELD_ORDER = [
  "idAbonnement",
  "idDistributeurCom",
  "idRessource",
  "typeIdRessource",
  "uaiEtab",
  "typeAffectation",
  "nbLicenceGlobale",
  "publicCible",
  "debutValidite",
  "anneeFinValidite",
] as const;

/** The PUT body. `debutValidite` as the web service's dateTime (yyyy-mm-ddT00:00:00). */
export function buildSubscriptionXml(body: GarSubscriptionBody): string {
  const document = new DOMImplementation().createDocument(GAR_SUBSCRIPTION_NAMESPACE, "abonnement", null);
  const root = document.documentElement!;
  for (const field of FIELD_ORDER) {
    const values =
      field === "publicCible"
        ? body.publicCible
        : field === "debutValidite"
          ? [`${body.debutValidite}T00:00:00`]
          : [String(body[field])];
    for (const value of values) {
      const element = document.createElementNS(GAR_SUBSCRIPTION_NAMESPACE, field);
      element.appendChild(document.createTextNode(value));
      root.appendChild(element);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>${new XMLSerializer().serializeToString(document)}`;
}

export type ReadSubscription = {
  idAbonnement: string;
  uaiEtab: string;
  debutValidite: string;
  anneeFinValidite: number;
  publicCible: string[];
};

/** Reads the web service's answer to a GET: the fields the checklist shows, or null when unreadable. */
export function parseSubscriptionXml(xml: string): ReadSubscription | null {
  if (/<!DOCTYPE/i.test(xml)) return null;
  let failed = false;
  const onError = () => {
    failed = true;
  };
  let document: Document;
  try {
    document = new DOMParser({
      errorHandler: { warning: () => {}, error: onError, fatalError: onError },
    }).parseFromString(xml, "text/xml") as unknown as Document;
  } catch {
    return null;
  }
  if (failed) return null;
  const root = document.documentElement;
  if (!root || root.namespaceURI !== GAR_SUBSCRIPTION_NAMESPACE || root.localName !== "abonnement") return null;
  const texts = (name: string) =>
    Array.from(root.getElementsByTagNameNS(GAR_SUBSCRIPTION_NAMESPACE, name)).map((node) =>
      (node.textContent ?? "").trim(),
    );
  const one = (name: string) => texts(name)[0] ?? "";
  const idAbonnement = one("idAbonnement");
  const debut = /^(\d{4}-\d{2}-\d{2})/.exec(one("debutValidite"))?.[1];
  const end = Number(one("anneeFinValidite"));
  if (!idAbonnement || !debut || !Number.isInteger(end)) return null;
  return {
    idAbonnement,
    uaiEtab: one("uaiEtab"),
    debutValidite: debut,
    anneeFinValidite: end,
    publicCible: texts("publicCible"),
  };
}
