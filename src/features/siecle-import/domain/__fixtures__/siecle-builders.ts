/**
 * Small, readable builders for the unit tests' own fixtures: SIECLE XML documents, encodings,
 * zips and CSVs. Each test states the one thing its fixture is about.
 */

import { Zip, ZipDeflate, zipSync } from "fflate";
import iconv from "iconv-lite";

export type StudentSpec = {
  id: string;
  ine?: string;
  /** Element overrides; `null` leaves the element out, "" writes it empty. */
  fields?: Record<string, string | null>;
};

const DEFAULT_FIELDS = (ine: string | undefined): Record<string, string | null> => ({
  ID_NATIONAL: ine ?? "",
  ELENOET: "1",
  NOM_DE_FAMILLE: "BERTHELOT",
  NOM_USAGE: "",
  PRENOM: "Maëlys",
  PRENOM2: "Chloé",
  PRENOM3: "",
  DATE_NAISS: "03/02/2011",
  CODE_SEXE: "2",
  CODE_PAYS: "100",
  CODE_DEPARTEMENT_NAISS: "069",
  CODE_COMMUNE_INSEE_NAISS: "69123",
  CODE_MEF: "10310019110",
  CODE_STATUT: "ST",
  DATE_ENTREE: "02/09/2024",
  DATE_SORTIE: "",
});

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export function student(spec: StudentSpec): string {
  const fields = { ...DEFAULT_FIELDS(spec.ine), ...spec.fields };
  const children = Object.entries(fields)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `<${k}>${escapeXml(v!)}</${k}>`)
    .join("");
  // A nested block repeating CODE_MEF: only direct children of ELEVE may be read.
  const lastYear =
    "<SCOLARITE_AN_DERNIER><CODE_MEF>99999999999</CODE_MEF><CODE_STRUCTURE>5E Z</CODE_STRUCTURE></SCOLARITE_AN_DERNIER>";
  return `<ELEVE ELEVE_ID="${spec.id}" ELENOET="1">${children}${lastYear}</ELEVE>`;
}

export function structures(id: string, list: [code: string, type: string][]): string {
  const items = list
    .map(
      ([code, type]) =>
        `<STRUCTURE><CODE_STRUCTURE>${escapeXml(code)}</CODE_STRUCTURE><TYPE_STRUCTURE>${type}</TYPE_STRUCTURE></STRUCTURE>`,
    )
    .join("");
  return `<STRUCTURES_ELEVE ELEVE_ID="${id}" ELENOET="1">${items}</STRUCTURES_ELEVE>`;
}

export type DocumentSpec = {
  uai?: string | null;
  students: string[];
  structures: string[];
  structuresFirst?: boolean;
  encoding?: string | null;
  root?: string;
  /** Raw text inserted between the XML declaration and the root (a DOCTYPE…). */
  preamble?: string;
};

export function siecleDocument(spec: DocumentSpec): string {
  const declaration =
    spec.encoding === null ? "" : `<?xml version="1.0" encoding="${spec.encoding ?? "ISO-8859-15"}"?>\n`;
  const uai = spec.uai === null ? "" : `<UAJ>${spec.uai ?? "0999001W"}</UAJ>`;
  const eleves = `<ELEVES>\n${spec.students.join("\n")}\n</ELEVES>`;
  const options = `<OPTIONS><OPTION ELEVE_ID="1"><OPTIONS_ELEVE><NUM_OPTION>1</NUM_OPTION></OPTIONS_ELEVE></OPTION></OPTIONS>`;
  const structs = `<STRUCTURES>\n${spec.structures.join("\n")}\n</STRUCTURES>`;
  const donnees = spec.structuresFirst ? `${structs}\n${options}\n${eleves}` : `${eleves}\n${options}\n${structs}`;
  const root = spec.root ?? "BEE_ELEVES";
  return (
    `${declaration}${spec.preamble ?? ""}<${root} VERSION="2.1">\n` +
    `<PARAMETRES>${uai}<ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE><DATE_EXPORT>15/09/2026</DATE_EXPORT></PARAMETRES>\n` +
    `<DONNEES>\n${donnees}\n</DONNEES>\n</${root}>\n`
  );
}

/** One importable student in a division, the usual base of a test. */
export const oneStudent = (id: string, ine: string, division = "4E B", fields?: Record<string, string | null>) => ({
  student: student({ id, ine, fields }),
  structure: structures(id, [
    [division, "D"],
    ["4ESP2", "G"],
  ]),
});

export function encode(text: string, encoding: string, options: { bom?: boolean } = {}): Uint8Array {
  const body = iconv.encode(text, encoding);
  return options.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : new Uint8Array(body);
}

export const latin9 = (text: string) => encode(text, "iso-8859-15");

export function zipOf(entries: Record<string, Uint8Array | string>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(entries)) {
    files[name] = typeof content === "string" ? new TextEncoder().encode(content) : content;
  }
  return zipSync(files, { level: 6 });
}

/**
 * A deflated entry of `megabytes` MB of spaces: tiny on disk, huge unpacked. Built by streaming
 * so the test itself never holds the unpacked bytes.
 */
export function zipBomb(megabytes: number, name = "ElevesSansAdresses.xml"): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const entry = new ZipDeflate(name, { level: 1 });
  zip.add(entry);
  const block = new Uint8Array(1024 * 1024).fill(0x20);
  entry.push(new TextEncoder().encode('<?xml version="1.0"?><BEE_ELEVES>'), false);
  for (let i = 0; i < megabytes; i++) entry.push(block, i === megabytes - 1);
  zip.end();
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function csvOf(lines: string[][], separator = ";"): string {
  return lines.map((cells) => cells.join(separator)).join("\r\n") + "\r\n";
}

export const CSV_HEADER = [
  "Identifiant unique*",
  "Premier prénom*",
  "Deuxième prénom",
  "Troisième prénom",
  "Nom de famille*",
  "Nom d'usage",
  "Code sexe*",
  "Date de naissance (jj/mm/aaaa)*",
  "Code commune naissance**",
  "Libellé commune naissance**",
  "Code département naissance*",
  "Code pays naissance*",
  "Statut*",
  "Code MEF*",
  "Division*",
];

export const csvRow = (overrides: Partial<Record<string, string>> = {}): string[] => {
  const base: Record<string, string> = {
    "Identifiant unique*": "1234509876K",
    "Premier prénom*": "Timéo",
    "Deuxième prénom": "Jules",
    "Troisième prénom": "",
    "Nom de famille*": "LEMAIRE",
    "Nom d'usage": "",
    "Code sexe*": "M",
    "Date de naissance (jj/mm/aaaa)*": "09/10/2010",
    "Code commune naissance**": "35238",
    "Libellé commune naissance**": "",
    "Code département naissance*": "035",
    "Code pays naissance*": "99100",
    "Statut*": "ST",
    "Code MEF*": "10310019110",
    "Division*": "3E C",
  };
  const row = { ...base, ...overrides };
  return CSV_HEADER.map((h) => row[h] ?? "");
};
