import { describe, expect, it } from "vitest";
import { buildCsv, formatCsvCell, neutralizeFormula } from "./csv";

describe("neutralizeFormula", () => {
  it.each(["=1+1", "+33 6", "-2", "@SUM(A1)", "\t=1", "\r=1"])("prefixes %j", (value) => {
    expect(neutralizeFormula(value)).toBe(`'${value}`);
  });

  it("leaves ordinary text alone", () => {
    expect(neutralizeFormula("Maëlys")).toBe("Maëlys");
    expect(neutralizeFormula("4E B")).toBe("4E B");
    expect(neutralizeFormula("a=b")).toBe("a=b");
  });
});

describe("formatCsvCell", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(formatCsvCell('Dupont; "Jo"')).toBe('"Dupont; ""Jo"""');
    expect(formatCsvCell("a\nb")).toBe('"a\nb"');
  });

  it("neutralises before quoting", () => {
    expect(formatCsvCell('=HYPERLINK("x";"y")')).toBe('"\'=HYPERLINK(""x"";""y"")"');
  });

  it("keeps numbers numeric and empties empty", () => {
    expect(formatCsvCell(-5)).toBe("-5");
    expect(formatCsvCell(75)).toBe("75");
    expect(formatCsvCell(null)).toBe("");
    expect(formatCsvCell(undefined)).toBe("");
  });
});

describe("buildCsv", () => {
  it("starts with a BOM, separates with ; and ends lines with CRLF", () => {
    const csv = buildCsv(["Nom", "Classe"], [["Éloïse", "4E B"], ["@x", 3]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe("Nom;Classe\r\nÉloïse;4E B\r\n'@x;3\r\n");
  });
});
