/**
 * Turning the GAR profile (the JSON of `oidcProfile`, GAR-style short claim names) into the
 * identity the app works with. The GAR sends no INE and no birth date; values may be a string
 * or a list (UAI, DIV are multi-valued for some users), and DIV items look like `code##label`.
 */

export type GarDivision = { code: string; label: string };

export type GarIdentity = {
  /** The GAR's opaque id (IDO): the external id of the GAR authentication method. */
  garId: string;
  firstName: string;
  lastName: string;
  /** UAIs of the schools the GAR attaches the user to, upper-cased. */
  uais: string[];
  /** `National_elv` (any case): only students get an identity. */
  profile: string;
  divisions: GarDivision[];
};

export type GarProfileMappingResult =
  | { ok: true; identity: GarIdentity }
  | {
      ok: false;
      /**
       * `MISSING_PROFILE` / `MISSING_UAI`: the GAR sent no PRO or no UAI. Never guessed: without a
       * profile anyone could pass for a student, without a UAI the campaign's school cannot be checked.
       */
      reason:
        "MISSING_IDO" | "MISSING_NAMES" | "SUBJECT_MISMATCH" | "NOT_A_STUDENT" | "MISSING_PROFILE" | "MISSING_UAI";
    };

const MAX_CLAIM_LENGTH = 512;

function asStrings(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values
    .filter((item): item is string => typeof item === "string")
    .map((item) => item.trim())
    .filter((item) => item.length > 0 && item.length <= MAX_CLAIM_LENGTH);
}

function firstString(value: unknown): string | null {
  return asStrings(value)[0] ?? null;
}

export function parseGarDivision(value: string): GarDivision {
  const separator = value.indexOf("##");
  if (separator === -1) return { code: value, label: value };
  const code = value.slice(0, separator).trim();
  const label = value.slice(separator + 2).trim();
  return { code, label: label || code };
}

/** The GAR writes the profile with varying case (`National_elv`, `National_ELV`). A missing profile is not a student's. */
export function isStudentProfile(profile: string | null): boolean {
  return profile !== null && profile.toLowerCase() === "national_elv";
}

/**
 * @param profile the JSON returned by the profile endpoint, untrusted.
 * @param idTokenSubject the `sub` of the validated ID token. A profile `sub`, when present, must
 *   equal it. The GAR's `sub` need not equal the IDO: the IDO is the profile's `IDO` claim, or the
 *   ID token's `sub` when `idoClaim` is `sub` (GAR_OIDC_IDO_CLAIM, docs/gar.md).
 */
export function mapGarProfile(
  profile: unknown,
  idTokenSubject: string,
  idoClaim: "IDO" | "sub" = "IDO",
): GarProfileMappingResult {
  if (typeof profile !== "object" || profile === null || Array.isArray(profile)) {
    return { ok: false, reason: "MISSING_IDO" };
  }
  const claims = profile as Record<string, unknown>;
  const profileSubject = firstString(claims.sub);
  if (profileSubject !== null && profileSubject !== idTokenSubject) return { ok: false, reason: "SUBJECT_MISMATCH" };
  const garId = idoClaim === "sub" ? idTokenSubject : firstString(claims.IDO);
  if (!garId) return { ok: false, reason: "MISSING_IDO" };
  return mapGarClaims({ ...claims, IDO: garId });
}

/**
 * The GAR's claims (OIDC profile JSON or SAML attributes renamed by `mapSamlAttributes`), already
 * authenticated by the adapter, into an identity. The profile is `PRO`, or `typProfil` when the GAR
 * uses that name; any case.
 */
export function mapGarClaims(claims: Readonly<Record<string, unknown>>): GarProfileMappingResult {
  const garId = firstString(claims.IDO);
  if (!garId) return { ok: false, reason: "MISSING_IDO" };

  const firstName = firstString(claims.PRE);
  const lastName = firstString(claims.NOM);
  if (!firstName || !lastName) return { ok: false, reason: "MISSING_NAMES" };

  const garProfile = firstString(claims.PRO) ?? firstString(claims.typProfil);
  if (garProfile === null) return { ok: false, reason: "MISSING_PROFILE" };
  if (!isStudentProfile(garProfile)) return { ok: false, reason: "NOT_A_STUDENT" };

  const uais = [...new Set(asStrings(claims.UAI).map((uai) => uai.toUpperCase()))];
  if (uais.length === 0) return { ok: false, reason: "MISSING_UAI" };

  return {
    ok: true,
    identity: {
      garId,
      firstName,
      lastName,
      uais,
      profile: garProfile,
      divisions: asStrings(claims.DIV).map(parseGarDivision),
    },
  };
}

/** The GAR claims an identity is built from; the SAML attribute names can be changed (GAR_SAML_ATTRIBUTE_MAPPING). */
export const GAR_CLAIMS = ["IDO", "PRE", "NOM", "UAI", "PRO", "DIV"] as const;
export type GarClaim = (typeof GAR_CLAIMS)[number];
export type SamlAttributeMapping = Record<GarClaim, string>;
export const DEFAULT_SAML_ATTRIBUTE_MAPPING: SamlAttributeMapping = {
  IDO: "IDO",
  PRE: "PRE",
  NOM: "NOM",
  UAI: "UAI",
  PRO: "PRO",
  DIV: "DIV",
};

/**
 * Reads `{"IDO":"…",…}` (GAR_SAML_ATTRIBUTE_MAPPING) over the defaults; an unknown key or a
 * non-string value is a configuration error, thrown at start.
 */
export function parseSamlAttributeMapping(json: string | undefined): SamlAttributeMapping {
  if (!json) return { ...DEFAULT_SAML_ATTRIBUTE_MAPPING };
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error("GAR_SAML_ATTRIBUTE_MAPPING must be a JSON object.");
  }
  const mapping = { ...DEFAULT_SAML_ATTRIBUTE_MAPPING };
  for (const [key, value] of Object.entries(parsed)) {
    if (!(GAR_CLAIMS as readonly string[]).includes(key) || typeof value !== "string" || value.length === 0) {
      throw new Error(`GAR_SAML_ATTRIBUTE_MAPPING: unknown claim or empty attribute name for "${key}".`);
    }
    mapping[key as GarClaim] = value;
  }
  return mapping;
}

/**
 * The SAML attributes of a verified assertion → the GAR claims. Only the mapped attributes are
 * read (and `typProfil` when no profile attribute came): everything else is dropped, never stored.
 */
export function mapSamlAttributes(
  attributes: Readonly<Record<string, unknown>>,
  mapping: SamlAttributeMapping = DEFAULT_SAML_ATTRIBUTE_MAPPING,
): GarProfileMappingResult {
  const claims: Record<string, unknown> = {};
  for (const claim of GAR_CLAIMS) {
    const name = mapping[claim];
    if (Object.hasOwn(attributes, name)) claims[claim] = attributes[name];
  }
  if (claims.PRO === undefined && Object.hasOwn(attributes, "typProfil")) claims.typProfil = attributes.typProfil;
  return mapGarClaims(claims);
}

/**
 * docs/domain.md §5: a code is only for the schools the GAR attaches the identity to. UAIs are
 * compared upper-case; an identity without UAI is attached to no school.
 */
export function isAttachedToSchool(uais: readonly string[], schoolUai: string): boolean {
  const wanted = schoolUai.trim().toUpperCase();
  return wanted.length > 0 && uais.some((uai) => uai.trim().toUpperCase() === wanted);
}
