import { describe, expect, it } from "vitest";
import {
  isAttachedToSchool,
  isStudentProfile,
  mapGarProfile,
  mapSamlAttributes,
  parseGarDivision,
  parseSamlAttributeMapping,
} from "./gar-claims";

const ido = "a".repeat(64);

describe("mapGarProfile", () => {
  it("maps the GAR claims of a student", () => {
    const result = mapGarProfile(
      { sub: ido, IDO: ido, PRE: "Maëlys", NOM: "DA SILVA", UAI: "0999001w", PRO: "National_elv", DIV: ["3EA##3E A"] },
      ido,
    );
    expect(result).toEqual({
      ok: true,
      identity: {
        garId: ido,
        firstName: "Maëlys",
        lastName: "DA SILVA",
        uais: ["0999001W"],
        profile: "National_elv",
        divisions: [{ code: "3EA", label: "3E A" }],
      },
    });
  });

  it("accepts multi-valued and missing optional claims", () => {
    const result = mapGarProfile(
      { IDO: ido, PRE: ["Inès"], NOM: "BERTHELOT", UAI: ["0999001W", "0999002L"], PRO: "national_ELV" },
      ido,
    );
    expect(result.ok && result.identity).toMatchObject({
      uais: ["0999001W", "0999002L"],
      profile: "national_ELV",
      divisions: [],
    });
  });

  it("refuses a profile without PRO: a missing profile is never taken for a student", () => {
    expect(mapGarProfile({ IDO: ido, PRE: "Côme", NOM: "MULLAR", UAI: "0999001W" }, ido)).toEqual({
      ok: false,
      reason: "MISSING_PROFILE",
    });
    expect(mapGarProfile({ IDO: ido, PRE: "Côme", NOM: "MULLAR", UAI: "0999001W", PRO: ["", " "] }, ido)).toEqual({
      ok: false,
      reason: "MISSING_PROFILE",
    });
  });

  it("refuses a student without UAI: the campaign's school could not be checked", () => {
    expect(mapGarProfile({ IDO: ido, PRE: "Côme", NOM: "MULLAR", PRO: "National_elv" }, ido)).toEqual({
      ok: false,
      reason: "MISSING_UAI",
    });
    expect(mapGarProfile({ IDO: ido, PRE: "Côme", NOM: "MULLAR", PRO: "National_elv", UAI: [] }, ido)).toEqual({
      ok: false,
      reason: "MISSING_UAI",
    });
    expect(mapGarProfile({ IDO: ido, PRE: "Côme", NOM: "MULLAR", PRO: "National_elv", UAI: [" ", 42] }, ido)).toEqual({
      ok: false,
      reason: "MISSING_UAI",
    });
  });

  it("sends staff without UAI to the staff page, not to the missing-UAI one", () => {
    expect(mapGarProfile({ IDO: ido, PRE: "A", NOM: "B", PRO: "National_ens" }, ido)).toEqual({
      ok: false,
      reason: "NOT_A_STUDENT",
    });
  });

  it("refuses a profile without IDO or names", () => {
    expect(mapGarProfile({ PRE: "A", NOM: "B" }, ido)).toEqual({ ok: false, reason: "MISSING_IDO" });
    expect(mapGarProfile({ IDO: ido, PRE: " ", NOM: "B" }, ido)).toEqual({ ok: false, reason: "MISSING_NAMES" });
    expect(mapGarProfile({ IDO: ido, PRE: "A" }, ido)).toEqual({ ok: false, reason: "MISSING_NAMES" });
    expect(mapGarProfile(null, ido)).toEqual({ ok: false, reason: "MISSING_IDO" });
    expect(mapGarProfile("IDO", ido)).toEqual({ ok: false, reason: "MISSING_IDO" });
  });

  it("refuses a profile about someone other than the ID token's subject", () => {
    expect(mapGarProfile({ sub: "other", IDO: ido, PRE: "A", NOM: "B" }, ido)).toEqual({
      ok: false,
      reason: "SUBJECT_MISMATCH",
    });
  });

  it("does not require the GAR's sub to equal the IDO; GAR_OIDC_IDO_CLAIM=sub takes the sub as IDO", () => {
    const claims = { IDO: "ido-from-profile", PRE: "A", NOM: "B", UAI: "0999001W", PRO: "National_elv" };
    expect(mapGarProfile(claims, "opaque-sub")).toMatchObject({ ok: true, identity: { garId: "ido-from-profile" } });
    expect(mapGarProfile({ ...claims, sub: "opaque-sub" }, "opaque-sub", "sub")).toMatchObject({
      ok: true,
      identity: { garId: "opaque-sub" },
    });
    expect(mapGarProfile({ ...claims, IDO: undefined }, "opaque-sub")).toEqual({ ok: false, reason: "MISSING_IDO" });
  });

  it("refuses staff profiles", () => {
    expect(mapGarProfile({ IDO: ido, PRE: "A", NOM: "B", PRO: "National_ens" }, ido)).toEqual({
      ok: false,
      reason: "NOT_A_STUDENT",
    });
  });
});

describe("isStudentProfile", () => {
  it("ignores the case of the profile", () => {
    expect(isStudentProfile("National_ELV")).toBe(true);
    expect(isStudentProfile("National_doc")).toBe(false);
    expect(isStudentProfile(null)).toBe(false);
  });
});

describe("parseGarDivision", () => {
  it("splits code##label and tolerates a bare code", () => {
    expect(parseGarDivision("4EB##4E B")).toEqual({ code: "4EB", label: "4E B" });
    expect(parseGarDivision("4E B")).toEqual({ code: "4E B", label: "4E B" });
  });
});

describe("isAttachedToSchool", () => {
  it("requires the school's UAI among the identity's, whatever the case", () => {
    expect(isAttachedToSchool(["0999001W"], "0999001W")).toBe(true);
    expect(isAttachedToSchool(["0999002X", "0999001w"], "0999001W")).toBe(true);
    expect(isAttachedToSchool(["0999002X"], "0999001W")).toBe(false);
    expect(isAttachedToSchool([], "0999001W")).toBe(false);
    expect(isAttachedToSchool([""], "")).toBe(false);
  });
});

describe("mapSamlAttributes", () => {
  const saml = {
    IDO: ido,
    PRE: "Zoé",
    NOM: "NGUYEN",
    UAI: ["0999001w", "0999002X"],
    PRO: "National_ELV",
    DIV: ["6EB##6E B", "LV2##Espagnol"],
  };

  it("maps the default attribute names, multi-valued UAI and DIV, and drops everything else", () => {
    expect(mapSamlAttributes({ ...saml, MEL: "zoe@example.test", NAISSANCE: "2012-01-01" })).toEqual({
      ok: true,
      identity: {
        garId: ido,
        firstName: "Zoé",
        lastName: "NGUYEN",
        uais: ["0999001W", "0999002X"],
        profile: "National_ELV",
        divisions: [
          { code: "6EB", label: "6E B" },
          { code: "LV2", label: "Espagnol" },
        ],
      },
    });
  });

  it("reads typProfil when no PRO came, in any case; a teacher, documentalist or director is not a student", () => {
    const { PRO: _dropped, ...noPro } = saml;
    expect(mapSamlAttributes({ ...noPro, typProfil: "national_elv" })).toMatchObject({ ok: true });
    for (const profile of ["National_ens", "National_DOC", "national_dir"]) {
      expect(mapSamlAttributes({ ...saml, PRO: profile })).toEqual({ ok: false, reason: "NOT_A_STUDENT" });
    }
    expect(mapSamlAttributes(noPro)).toEqual({ ok: false, reason: "MISSING_PROFILE" });
  });

  it("follows an overridden mapping and refuses a bad one", () => {
    const mapping = parseSamlAttributeMapping('{"IDO":"urn:oid:gar:ido","PRO":"profil"}');
    const { IDO: _ido, PRO: _pro, ...rest } = saml;
    expect(mapSamlAttributes({ ...rest, "urn:oid:gar:ido": ido, profil: "National_elv" }, mapping)).toMatchObject({
      ok: true,
      identity: { garId: ido },
    });
    // The default name is no longer read once renamed.
    expect(mapSamlAttributes(saml, mapping)).toEqual({ ok: false, reason: "MISSING_IDO" });
    expect(() => parseSamlAttributeMapping('{"MAIL":"x"}')).toThrow();
    expect(() => parseSamlAttributeMapping("[]")).toThrow();
  });
});
