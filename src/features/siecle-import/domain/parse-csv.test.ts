import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CSV_HEADER, csvOf, csvRow, encode } from "./__fixtures__/siecle-builders";
import { buildCsvTemplate, readCsv } from "./parse-csv";
import { readRegisterFile } from "./read-register";

const TODAY = "2026-09-15";
const utf8 = (text: string, bom = false) => encode(text, "utf-8", { bom });
const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);

describe("CSV encodings", () => {
  it("reads Windows-1252 (Excel's default), including œ and the typographic apostrophe", () => {
    const text = csvOf([CSV_HEADER, csvRow({ "Premier prénom*": "Chlœ", "Nom de famille*": "D’ARC" })]);
    const bytes = new Uint8Array(iconv.encode(text, "windows-1252"));
    expect(bytes.includes(0x9c)).toBe(true);
    const result = readCsv(bytes, TODAY);
    expect(result.errors).toEqual([]);
    expect(result.learners[0]).toMatchObject({ firstName: "Chlœ", lastName: "D’ARC" });
  });

  it("reads UTF-8 with a BOM (Excel's CSV UTF-8)", () => {
    const result = readCsv(utf8(csvOf([CSV_HEADER, csvRow({ "Premier prénom*": "Éloïse" })]), true), TODAY);
    expect(result.errors).toEqual([]);
    expect(result.learners[0]?.firstName).toBe("Éloïse");
  });

  it("reads Mac Roman (old Mac Excel)", () => {
    const text = csvOf([CSV_HEADER, csvRow({ "Premier prénom*": "Anaïs" })]);
    const result = readCsv(new Uint8Array(iconv.encode(text, "macintosh")), TODAY);
    expect(result.errors).toEqual([]);
    expect(result.learners[0]?.firstName).toBe("Anaïs");
  });

  it("refuses an encoding where the header never reads right", () => {
    const text = csvOf([CSV_HEADER, csvRow()]).replace("prénom", "pr\u0416nom");
    const result = readCsv(new Uint8Array(iconv.encode(text, "koi8-r")), TODAY);
    expect(codes(result)).toEqual(["ENCODING_NOT_SUPPORTED"]);
  });

  it("accepts `,` as separator and decomposed accents (NFD)", () => {
    const text = csvOf([CSV_HEADER, csvRow({ "Premier prénom*": "Zoe\u0301" })], ",").normalize("NFD");
    const result = readCsv(utf8(text), TODAY);
    expect(result.errors).toEqual([]);
    expect(result.learners[0]?.firstName).toBe("Zoé");
  });
});

describe("CSV content", () => {
  it("maps every column, 5-digit country to 3 digits, and normalises the division", () => {
    const result = readCsv(
      utf8(
        csvOf([
          CSV_HEADER,
          csvRow({ "Division*": "  3E   C ", "Code sexe*": "Féminin", "Nom d'usage": "MOREAU" }),
          csvRow({
            "Identifiant unique*": "2345609871b",
            "Code commune naissance**": "",
            "Libellé commune naissance**": "Porto",
            "Code département naissance*": "99",
            "Code pays naissance*": "99139",
            "Statut*": "ap",
            "Date de naissance (jj/mm/aaaa)*": "1/4/10",
          }),
        ]),
      ),
      TODAY,
    );
    expect(result.errors).toEqual([]);
    expect(result.learners).toEqual([
      {
        nationalStudentId: "1234509876K",
        siecleStudentId: null,
        firstName: "Timéo",
        middleName: "Jules",
        thirdName: null,
        lastName: "LEMAIRE",
        preferredLastName: "MOREAU",
        sex: "F",
        birthdate: "2010-10-09",
        birthCityCode: "35238",
        birthCity: null,
        birthProvinceCode: "035",
        birthCountryCode: "100",
        mefCode: "10310019110",
        status: "ST",
        division: "3E C",
      },
      expect.objectContaining({
        nationalStudentId: "2345609871B",
        birthCity: "Porto",
        birthCountryCode: "139",
        status: "AP",
        birthdate: "2010-04-01",
      }),
    ]);
  });

  it("ignores blank lines and a trailing separator, and counts lines right around them", () => {
    const text =
      `${CSV_HEADER.join(";")};\r\n` +
      `${csvRow().join(";")};\r\n` +
      ";;;;;;;;;;;;;;;\r\n" +
      "\r\n" +
      `${csvRow({ "Identifiant unique*": "1111111111A", "Premier prénom*": "" }).join(";")}\r\n`;
    const result = readCsv(utf8(text), TODAY);
    expect(result.errors.map((e) => [e.code, e.line, e.field])).toEqual([
      ["FIRST_NAME_REQUIRED", 5, "Premier prénom*"],
    ]);
    expect(result.errors[0]?.message).toBe("Ligne 5 : le champ « Premier prénom » est obligatoire.");
  });

  it("counts lines of a quoted cell holding a line break", () => {
    const text = csvOf([
      CSV_HEADER,
      csvRow({ "Libellé commune naissance**": '"Saint-\nDenis"' }),
      csvRow({ "Identifiant unique*": "2", "Code sexe*": "X" }),
    ]);
    const result = readCsv(utf8(text), TODAY);
    expect(result.errors.map((e) => [e.code, e.line])).toEqual([["SEX_CODE_INVALID", 4]]);
  });

  it("collects every row error with its line number and column", () => {
    const rows = [
      CSV_HEADER,
      csvRow({ "Identifiant unique*": "A1", "Date de naissance (jj/mm/aaaa)*": "" }),
      csvRow({ "Identifiant unique*": "A2", "Date de naissance (jj/mm/aaaa)*": "2010-10-09" }),
      csvRow({ "Identifiant unique*": "A3", "Nom de famille*": "", "Division*": "" }),
      csvRow({ "Identifiant unique*": "A4", "Code commune naissance**": "" }),
      csvRow({ "Identifiant unique*": "A5", "Code commune naissance**": "1004" }),
      csvRow({ "Identifiant unique*": "A6", "Code pays naissance*": "99132", "Code commune naissance**": "" }),
      csvRow({ "Identifiant unique*": "A7", "Code pays naissance*": "100" }),
      csvRow({ "Identifiant unique*": "A8", "Statut*": "XX", "Code sexe*": "" }),
      csvRow({ "Identifiant unique*": "", "Code MEF*": "" }),
      csvRow({ "Identifiant unique*": "A1" }),
    ];
    const result = readCsv(utf8(csvOf(rows)), TODAY);
    expect(result.errors.map((e) => [e.code, e.line, e.field])).toEqual([
      ["BIRTHDATE_REQUIRED", 2, "Date de naissance (jj/mm/aaaa)*"],
      ["INVALID_BIRTHDATE_FORMAT", 3, "Date de naissance (jj/mm/aaaa)*"],
      ["FIELD_REQUIRED", 4, "Division*"],
      ["LAST_NAME_REQUIRED", 4, "Nom de famille*"],
      ["BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT", 5, "Code commune naissance**"],
      ["INSEE_CODE_INVALID", 6, "Code commune naissance**"],
      ["BIRTH_CITY_REQUIRED_FOR_FOREIGN_STUDENT", 7, "Libellé commune naissance**"],
      ["COUNTRY_CODE_INVALID", 8, "Code pays naissance*"],
      ["SEX_CODE_REQUIRED", 9, "Code sexe*"],
      ["STATUS_INVALID", 9, "Statut*"],
      ["FIELD_REQUIRED", 10, "Identifiant unique*"],
      ["FIELD_REQUIRED", 10, "Code MEF*"],
      ["INE_UNIQUE", 11, "Identifiant unique*"],
    ]);
    const messages = result.errors.map((e) => e.message);
    expect(messages[0]).toBe("Ligne 2 : le champ « Date de naissance » est obligatoire.");
    expect(messages[2]).toBe("Ligne 4 : le champ « Division » est obligatoire.");
    expect(messages.at(-1)).toBe("Ligne 11 : l'identifiant A1 apparaît plusieurs fois (déjà ligne 2).");
  });

  it("refuses a line with more cells than the header, and unbalanced quotes", () => {
    const text = `${CSV_HEADER.join(";")}\r\n${csvRow().join(";")};extra\r\n${csvRow({ "Identifiant unique*": "B" }).join(";")}\r\n"oops;${csvRow().slice(1).join(";")}\r\n`;
    const result = readCsv(utf8(text), TODAY);
    expect(result.errors.map((e) => [e.code, e.line])).toEqual([
      ["BAD_CSV_FORMAT", 2],
      ["BAD_CSV_FORMAT", 4],
    ]);
  });
});

describe("CSV header", () => {
  it("reports every missing, unknown and duplicated column, and reads no line", () => {
    const header = CSV_HEADER.filter((h) => h !== "Division*" && h !== "Statut*").concat(["Classe", "Code MEF*"]);
    const result = readCsv(utf8(csvOf([header, csvRow()])), TODAY);
    expect(result.errors.map((e) => [e.code, e.field])).toEqual([
      ["HEADER_UNKNOWN", "Classe"],
      ["HEADER_DUPLICATED", "Code MEF*"],
      ["HEADER_REQUIRED", "Statut*"],
      ["HEADER_REQUIRED", "Division*"],
    ]);
    expect(result.errors[0]?.message).toBe(
      "La colonne « Classe » n'est pas reconnue. Utilisez le modèle de fichier CSV.",
    );
    expect(result.learners).toEqual([]);
  });

  it("accepts the typographic apostrophe, other spacing and case in headers", () => {
    const header = CSV_HEADER.map((h) => (h === "Nom d'usage" ? "Nom d’usage " : h === "Statut*" ? "STATUT*" : h));
    expect(readCsv(utf8(csvOf([header, csvRow()])), TODAY).errors).toEqual([]);
  });

  it("refuses an unknown separator", () => {
    const result = readCsv(utf8(csvOf([CSV_HEADER, csvRow()], "\t")), TODAY);
    expect(codes(result)).toEqual(["BAD_CSV_FORMAT"]);
  });

  it("refuses a header with no learner (EMPTY), through the register reader", () => {
    const result = readRegisterFile(utf8(csvOf([CSV_HEADER])), { today: new Date(2026, 8, 15) });
    expect(codes(result)).toEqual(["EMPTY"]);
  });
});

describe("the downloadable template", () => {
  it("is read back by the importer without error", () => {
    const result = readCsv(utf8(buildCsvTemplate()), TODAY);
    expect(result.errors).toEqual([]);
    expect(result.learners).toHaveLength(1);
  });
});
