import { describe, expect, it } from "vitest";
import type { ImportError } from "../types";
import {
  encode,
  latin9,
  oneStudent,
  siecleDocument,
  structures,
  student,
  zipBomb,
  zipOf,
} from "./__fixtures__/siecle-builders";
import { readRegisterFile } from "./read-register";

const TODAY = new Date(2026, 8, 15);
const read = (bytes: Uint8Array, expectedUai: string | null = "0999001W") =>
  readRegisterFile(bytes, { expectedUai, today: TODAY });
const codes = (errors: ImportError[]) => errors.map((e) => e.code);

const twoStudents = () => {
  const a = oneStudent("1", "1000000001A", "4E B");
  const b = oneStudent("2", "1000000002B", "3E A");
  return siecleDocument({ students: [a.student, b.student], structures: [a.structure, b.structure] });
};

describe("reading the SIECLE XML", () => {
  it("decodes ISO-8859-15 by its declaration: œ, Œ and € come out right", () => {
    const s = oneStudent("1", "1000000001A", "4E B", {
      PRENOM: "Chloœ",
      NOM_DE_FAMILLE: "CŒURDEROY",
      VILLE_NAISS: "€",
    });
    const bytes = latin9(siecleDocument({ students: [s.student], structures: [s.structure] }));
    // Latin-9 puts œ at 0xBD, where Latin-1 has ½: reading it as Latin-1 would corrupt names.
    expect(bytes.includes(0xbd)).toBe(true);

    const result = read(bytes);

    expect(result.errors).toEqual([]);
    expect(result.format).toBe("XML");
    expect(result.uai).toBe("0999001W");
    expect(result.learners).toEqual([
      {
        nationalStudentId: "1000000001A",
        siecleStudentId: "1",
        firstName: "Chloœ",
        middleName: "Chloé",
        thirdName: null,
        lastName: "CŒURDEROY",
        preferredLastName: null,
        sex: "F",
        birthdate: "2011-02-03",
        birthCityCode: "69123",
        birthCity: "€",
        birthProvinceCode: "069",
        birthCountryCode: "100",
        // the nested SCOLARITE_AN_DERNIER/CODE_MEF must not win over the student's own
        mefCode: "10310019110",
        status: "ST",
        division: "4E B",
      },
    ]);
  });

  it("strips a UTF-8 BOM and then reads the file as UTF-8 whatever it declares", () => {
    const s = oneStudent("1", "1000000001A", "4E B", { PRENOM: "Zoé" });
    const text = siecleDocument({ students: [s.student], structures: [s.structure], encoding: "ISO-8859-15" });
    const result = read(encode(text, "utf-8", { bom: true }));
    expect(result.errors).toEqual([]);
    expect(result.learners[0]?.firstName).toBe("Zoé");
  });

  it("reads UTF-8 when there is no declaration at all", () => {
    const s = oneStudent("1", "1000000001A", "4E B", { PRENOM: "Noé" });
    const text = siecleDocument({ students: [s.student], structures: [s.structure], encoding: null });
    expect(read(encode(text, "utf-8")).learners[0]?.firstName).toBe("Noé");
  });

  it("refuses a file whose accents are garbled (UTF-8 bytes declared as ISO-8859-15)", () => {
    const s = oneStudent("1", "1000000001A", "4E B", { PRENOM: "Zoé" });
    const text = siecleDocument({ students: [s.student], structures: [s.structure], encoding: "ISO-8859-15" });
    const result = read(encode(text, "utf-8"));
    expect(codes(result.errors)).toEqual(["ENCODING_NOT_SUPPORTED"]);
    expect(result.errors[0]?.nationalStudentId).toBe("1000000001A");
  });

  it("refuses an encoding it does not know", () => {
    const text = twoStudents().replace("ISO-8859-15", "X-KLINGON-8");
    const result = read(encode(text, "utf-8"));
    expect(codes(result.errors)).toEqual(["ENCODING_NOT_SUPPORTED"]);
    expect(result.errors[0]?.message).toContain("X-KLINGON-8");
  });

  it("joins structures by ELEVE_ID when STRUCTURES comes before ELEVES", () => {
    const a = oneStudent("10", "1000000001A", "6E 1");
    const b = oneStudent("20", "1000000002B", "6E 2");
    const text = siecleDocument({
      students: [a.student, b.student],
      structures: [b.structure, a.structure],
      structuresFirst: true,
    });
    const result = read(latin9(text));
    expect(result.errors).toEqual([]);
    expect(result.learners.map((l) => [l.nationalStudentId, l.division])).toEqual([
      ["1000000001A", "6E 1"],
      ["1000000002B", "6E 2"],
    ]);
  });

  it("takes the D structure that is not Inactifs, ignores groups, and keeps the last D", () => {
    const text = siecleDocument({
      students: [
        student({ id: "1", ine: "1000000001A" }),
        student({ id: "2", ine: "1000000002B" }),
        student({ id: "3", ine: "1000000003C" }),
      ],
      structures: [
        structures("1", [
          ["Inactifs", "D"],
          ["3E  B", "D"],
          ["3ALL", "G"],
        ]),
        structures("2", [
          ["3E A", "D"],
          ["3E C", "D"],
        ]),
        structures("3", [
          ["Inactifs", "D"],
          ["3LATIN", "G"],
        ]),
      ],
    });
    const result = read(latin9(text));
    expect(result.learners.map((l) => l.division)).toEqual(["3E B", "3E C"]);
    expect(result.skipped).toEqual({ LEFT_SCHOOL: 0, NO_NATIONAL_STUDENT_ID: 0, NO_DIVISION: 1 });
  });

  it("skips left pupils (DATE_SORTIE), pupils without INE and without division, without errors", () => {
    const kept = oneStudent("1", "1000000001A");
    const left = oneStudent("2", "1000000002B", "4E B", { DATE_SORTIE: "15/03/2026", DATE_NAISS: "" });
    const noIne = oneStudent("3", "", "4E B", { CODE_SEXE: "" });
    const noDivision = student({ id: "4", ine: "1000000004D" });
    const text = siecleDocument({
      students: [kept.student, left.student, noIne.student, noDivision],
      structures: [kept.structure, left.structure, noIne.structure, structures("4", [["4GR", "G"]])],
    });
    const result = read(latin9(text));
    expect(result.errors).toEqual([]);
    expect(result.learners.map((l) => l.nationalStudentId)).toEqual(["1000000001A"]);
    expect(result.skipped).toEqual({ LEFT_SCHOOL: 1, NO_NATIONAL_STUDENT_ID: 1, NO_DIVISION: 1 });
  });

  it("names the pupils skipped for no INE (with their class) or no class, so the school can fix them", () => {
    const kept = oneStudent("1", "1000000001A");
    const left = oneStudent("2", "1000000002B", "4E B", { DATE_SORTIE: "15/03/2026" });
    const noIne = oneStudent("3", "", "4E C", { PRENOM: "Zoé", NOM_DE_FAMILLE: "NGUYEN" });
    const noDivision = student({ id: "4", ine: "1000000004D" });
    const text = siecleDocument({
      students: [kept.student, left.student, noIne.student, noDivision],
      structures: [kept.structure, left.structure, noIne.structure],
    });
    const result = read(latin9(text));
    expect(result.skippedStudents).toEqual([
      { reason: "NO_NATIONAL_STUDENT_ID", name: "Zoé NGUYEN", division: "4E C" },
      { reason: "NO_DIVISION", name: expect.any(String) as string, division: null },
    ]);
  });

  it("says who was skipped and why when nobody is left to import", () => {
    const left = oneStudent("2", "1000000002B", "4E B", { DATE_SORTIE: "15/03/2026" });
    const noIne = oneStudent("3", "", "4E C", { PRENOM: "Zoé", NOM_DE_FAMILLE: "NGUYEN" });
    const result = read(
      latin9(
        siecleDocument({ students: [left.student, noIne.student], structures: [left.structure, noIne.structure] }),
      ),
    );
    expect(codes(result.errors)).toEqual(["EMPTY"]);
    expect(result.errors[0]!.message).toBe(
      "Le fichier ne contient aucun élève à importer. Élèves ignorés : 1 élève sorti de l'établissement ; 1 élève sans INE : Zoé NGUYEN (4E C).",
    );
  });

  it("reads the older single NOM when NOM_DE_FAMILLE is absent, and NOM_USAGE as usage name", () => {
    const a = oneStudent("1", "1000000001A", "4E B", { NOM_DE_FAMILLE: null, NOM: "DURAND" });
    const b = oneStudent("2", "1000000002B", "4E B", { NOM_DE_FAMILLE: "N'DIAYE-ROUX", NOM_USAGE: "ROUX" });
    const result = read(
      latin9(siecleDocument({ students: [a.student, b.student], structures: [a.structure, b.structure] })),
    );
    expect(result.learners.map((l) => [l.lastName, l.preferredLastName])).toEqual([
      ["DURAND", null],
      ["N'DIAYE-ROUX", "ROUX"],
    ]);
  });

  it("reports a duplicated INE once, and imports nothing", () => {
    const a = oneStudent("1", "1000000001A");
    const b = oneStudent("2", "1000000001a");
    const c = oneStudent("3", "1000000003C");
    const result = read(
      latin9(
        siecleDocument({
          students: [a.student, b.student, c.student],
          structures: [a.structure, b.structure, c.structure],
        }),
      ),
    );
    expect(result.errors).toEqual([
      {
        code: "INE_UNIQUE",
        nationalStudentId: "1000000001A",
        field: "ID_NATIONAL",
        message: "L'INE 1000000001A apparaît plusieurs fois.",
      },
    ]);
  });

  it("collects every record error with its INE and field, never stopping at the first", () => {
    const records = [
      oneStudent("1", "1000000001A", "4E B", { DATE_NAISS: "" }),
      oneStudent("2", "1000000002B", "4E B", { DATE_NAISS: "31/02/2011" }),
      oneStudent("3", "1000000003C", "4E B", { DATE_NAISS: "2011-02-03" }),
      oneStudent("4", "1000000004D", "4E B", { PRENOM: "" }),
      oneStudent("5", "1000000005E", "4E B", { NOM_DE_FAMILLE: null }),
      oneStudent("6", "1000000006F", "4E B", { CODE_SEXE: null }),
      oneStudent("7", "1000000007G", "4E B", { CODE_COMMUNE_INSEE_NAISS: "" }),
      oneStudent("8", "1000000008H", "4E B", { CODE_SEXE: "3", CODE_STATUT: "XX" }),
      oneStudent("9", "1000000009J", "4E B", { DATE_NAISS: "01/01/2030" }),
      oneStudent("10", "1000000010K", "4E B", { CODE_PAYS: "99100", CODE_COMMUNE_INSEE_NAISS: null }),
      oneStudent("11", "1000000011L", "4E B", { CODE_COMMUNE_INSEE_NAISS: "1004" }),
      oneStudent("12", "1000000012M"),
    ];
    const text = siecleDocument({
      students: records.map((r) => r.student),
      structures: records.map((r) => r.structure),
    });
    const result = read(latin9(text));
    expect(result.errors.map((e) => [e.code, e.nationalStudentId, e.field])).toEqual([
      ["BIRTHDATE_REQUIRED", "1000000001A", "DATE_NAISS"],
      ["INVALID_BIRTHDATE_FORMAT", "1000000002B", "DATE_NAISS"],
      ["INVALID_BIRTHDATE_FORMAT", "1000000003C", "DATE_NAISS"],
      ["FIRST_NAME_REQUIRED", "1000000004D", "PRENOM"],
      ["LAST_NAME_REQUIRED", "1000000005E", "NOM_DE_FAMILLE"],
      ["SEX_CODE_REQUIRED", "1000000006F", "CODE_SEXE"],
      ["BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT", "1000000007G", "CODE_COMMUNE_INSEE_NAISS"],
      ["SEX_CODE_INVALID", "1000000008H", "CODE_SEXE"],
      ["STATUS_INVALID", "1000000008H", "CODE_STATUT"],
      ["INVALID_BIRTHDATE_FORMAT", "1000000009J", "DATE_NAISS"],
      ["COUNTRY_CODE_INVALID", "1000000010K", "CODE_PAYS"],
      ["INSEE_CODE_INVALID", "1000000011L", "CODE_COMMUNE_INSEE_NAISS"],
    ]);
    expect(result.errors[0]?.message).toBe("Élève INE 1000000001A : la date de naissance est obligatoire.");
    expect(result.errors[1]?.message).toContain("« 31/02/2011 »");
    // the valid learners are still read (the caller imports nothing while errors exist)
    expect(result.learners.map((l) => l.nationalStudentId)).toEqual(["1000000012M"]);
  });

  it("does not require a birth city code for a pupil born abroad", () => {
    const s = oneStudent("1", "1000000001A", "4E B", {
      CODE_PAYS: "132",
      CODE_COMMUNE_INSEE_NAISS: null,
      VILLE_NAISS: "BIRMINGHAM",
    });
    const result = read(latin9(siecleDocument({ students: [s.student], structures: [s.structure] })));
    expect(result.errors).toEqual([]);
    expect(result.learners[0]).toMatchObject({ birthCountryCode: "132", birthCity: "BIRMINGHAM", birthCityCode: null });
  });

  it("refuses a file of another school with UAI_MISMATCHED, and one without UAJ", () => {
    const other = read(latin9(twoStudents()), "0751234X");
    expect(codes(other.errors)).toEqual(["UAI_MISMATCHED"]);
    expect(other.errors[0]?.message).toContain("0999001W");
    expect(other.errors[0]?.message).toContain("0751234X");

    const s = oneStudent("1", "1000000001A");
    const none = read(latin9(siecleDocument({ uai: null, students: [s.student], structures: [s.structure] })));
    expect(codes(none.errors)).toEqual(["UAI_MISMATCHED"]);
  });

  it("compares the UAI case-insensitively", () => {
    expect(read(latin9(twoStudents()), "0999001w").errors).toEqual([]);
  });

  it("refuses a file where nobody is importable (it would disable the whole school)", () => {
    const left = oneStudent("2", "1000000002B", "4E B", { DATE_SORTIE: "01/01/2026" });
    const result = read(latin9(siecleDocument({ students: [left.student], structures: [left.structure] })));
    expect(codes(result.errors)).toEqual(["EMPTY"]);
    expect(result.skipped.LEFT_SCHOOL).toBe(1);
  });
});

describe("hostile or wrong XML", () => {
  it("refuses a truncated file with the line where it stops", () => {
    const bytes = latin9(twoStudents());
    const result = read(bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(codes(result.errors)).toEqual(["INVALID_FILE"]);
    expect(result.errors[0]?.message).toMatch(/incomplet ou mal formé \(ligne \d+\)/);
  });

  it("refuses an external entity without ever reading it", () => {
    const preamble = '<!DOCTYPE BEE_ELEVES [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n';
    const s = oneStudent("1", "1000000001A", "4E B", { PRENOM: "&xxe;" });
    const result = read(
      latin9(
        siecleDocument({ preamble, students: [s.student.replace("&amp;xxe;", "&xxe;")], structures: [s.structure] }),
      ),
    );
    expect(codes(result.errors)).toEqual(["INVALID_FILE"]);
    expect(result.errors[0]?.message).toContain("DOCTYPE");
    expect(JSON.stringify(result)).not.toContain("root:");
  });

  it("refuses billion laughs without expanding anything", () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
    const preamble = `<!DOCTYPE BEE_ELEVES [${entities.join("")}]>\n`;
    const s = oneStudent("1", "1000000001A", "4E B", { PRENOM: "X" });
    const text = siecleDocument({
      preamble,
      students: [s.student.replace(">X<", ">&lol9;<")],
      structures: [s.structure],
    });
    const result = read(latin9(text));
    expect(codes(result.errors)).toEqual(["INVALID_FILE"]);
  });

  it("refuses an undeclared entity even without a DOCTYPE", () => {
    const s = oneStudent("1", "1000000001A", "4E B", { PRENOM: "X" });
    const text = siecleDocument({ students: [s.student.replace(">X<", ">&lol9;<")], structures: [s.structure] });
    expect(codes(read(latin9(text)).errors)).toEqual(["INVALID_FILE"]);
  });

  it("recognises the parents file and says so", () => {
    const text = siecleDocument({ root: "BEE_RESPONSABLES", students: [], structures: [] });
    const result = read(latin9(text));
    expect(codes(result.errors)).toEqual(["WRONG_SIECLE_FILE"]);
    expect(result.errors[0]?.message).toContain("responsables (parents)");
  });

  it("names another SIECLE export, and refuses XML that is not SIECLE", () => {
    expect(
      read(latin9(siecleDocument({ root: "BEE_NOMENCLATURES", students: [], structures: [] }))).errors[0]?.message,
    ).toContain("BEE_NOMENCLATURES");
    const html = read(encode("<html><body>Bonjour</body></html>", "utf-8"));
    expect(codes(html.errors)).toEqual(["INVALID_FILE"]);
    expect(html.errors[0]?.message).toContain("« html »");
  });
});

describe("reading the SIECLE zip", () => {
  const xml = () => latin9(twoStudents());

  it("reads the one XML and ignores __MACOSX and dot-files", () => {
    const bytes = zipOf({
      "__MACOSX/._ElevesSansAdresses.xml": "\u0000\u0005\u0016\u0007 junk",
      ".hidden.xml": "<x/>",
      "ElevesSansAdresses.xml": xml(),
      "LISEZMOI.txt": "bonjour",
    });
    const result = read(bytes);
    expect(result.format).toBe("ZIP");
    expect(result.errors).toEqual([]);
    expect(result.learners).toHaveLength(2);
  });

  it("refuses a zip with two XML files, naming them", () => {
    const result = read(zipOf({ "a.xml": xml(), "b/ElevesSansAdresses.xml": xml() }));
    expect(codes(result.errors)).toEqual(["INVALID_FILE"]);
    expect(result.errors[0]?.message).toContain("a.xml, b/ElevesSansAdresses.xml");
  });

  it("refuses a zip without XML", () => {
    expect(result(zipOf({ "eleves.csv": "x" }))).toContain("aucun fichier XML");
    function result(bytes: Uint8Array) {
      return read(bytes).errors[0]?.message;
    }
  });

  // Inflating 100 MB takes a few seconds on a loaded 2-core machine.
  it("stops a zip bomb at the default 100 MB unpacked-size cap, while inflating", { timeout: 30_000 }, () => {
    const bomb = zipBomb(120);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const result = read(bomb);
    expect(codes(result.errors)).toEqual(["PAYLOAD_TOO_LARGE"]);
    expect(result.errors[0]?.message).toContain("100 Mo");
  });

  it("refuses a damaged zip", () => {
    const bytes = zipOf({ "ElevesSansAdresses.xml": xml() });
    expect(codes(read(bytes.subarray(0, bytes.length - 30)).errors)).toEqual(["INVALID_FILE"]);
  });
});

describe("whole-file checks", () => {
  it("refuses files over 20 MB before reading them", () => {
    const result = read(new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41));
    expect(codes(result.errors)).toEqual(["PAYLOAD_TOO_LARGE"]);
    expect(result.errors[0]?.message).toBe("Le fichier dépasse la taille maximale de 20 Mo.");
  });

  it("refuses an empty file and a binary one", () => {
    expect(codes(read(new Uint8Array()).errors)).toEqual(["EMPTY"]);
    expect(codes(read(encode("  \n", "utf-8")).errors)).toEqual(["EMPTY"]);
    expect(codes(read(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])).errors)).toEqual(["INVALID_FILE"]);
  });

  it("detects the format by content, not by name: a CSV starting with the template header", () => {
    const csv = encode("Identifiant unique*;Premier prénom*\r\n", "utf-8");
    expect(read(csv).format).toBe("CSV");
  });
});
