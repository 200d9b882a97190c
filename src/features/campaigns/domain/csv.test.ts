import Papa from "papaparse";
import { describe, expect, it } from "vitest";

import { buildCsv } from "./csv";

/** The data line of a one-column file holding `cell`. */
function line(cell: string | number | null | undefined): string {
  return buildCsv(["Nom"], [[cell]])
    .slice(1)
    .slice("Nom\r\n".length)
    .replace(/\r\n$/, "");
}

/** Reads the file back as a spreadsheet would (BOM off, `;` separated). */
function readBack(csv: string): string[][] {
  return Papa.parse<string[]>(csv.slice(1), { delimiter: ";", newline: "\r\n", skipEmptyLines: true }).data;
}

describe("buildCsv", () => {
  it("starts with a BOM, writes the header row, separates with ; and ends lines with CRLF", () => {
    const csv = buildCsv(
      ["Nom", "Classe"],
      [
        ["Éloïse", "4E B"],
        ["Jo", 3],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe("Nom;Classe\r\nÉloïse;4E B\r\nJo;3\r\n");
  });

  it("writes the header row alone when there are no rows", () => {
    expect(buildCsv(["Nom", "Classe"], []).slice(1)).toBe("Nom;Classe\r\n");
  });

  it("quotes a cell holding a comma, so a spreadsheet guessing the separator keeps it whole", () => {
    expect(line("Dupont, Jo")).toBe('"Dupont, Jo"');
  });

  it("quotes separators and doubles quotes", () => {
    expect(line('Dupont; "Jo"')).toBe('"Dupont; ""Jo"""');
    expect(line('Le "grand" Jo')).toBe('"Le ""grand"" Jo"');
  });

  it("quotes line breaks of every kind", () => {
    expect(line("a\nb")).toBe('"a\nb"');
    expect(line("a\r\nb")).toBe('"a\r\nb"');
    expect(line("a\rb")).toBe('"a\rb"');
  });

  it.each(["=1+1", "+33 6", "-2", "@SUM(A1)", "\t=1", "\r=1"])("neutralises the formula %j", (value) => {
    const csv = buildCsv(["Nom"], [[value]]);
    expect(readBack(csv)[1]).toEqual([`'${value}`]);
  });

  it("neutralises a formula followed by a line break (papaparse's own pattern misses it)", () => {
    const csv = buildCsv(["Nom"], [['=HYPERLINK("http://x";"y")\nsuite']]);
    expect(readBack(csv)[1]).toEqual(['\'=HYPERLINK("http://x";"y")\nsuite']);
  });

  it("neutralises before quoting", () => {
    expect(line('=HYPERLINK("x";"y")')).toBe('"\'=HYPERLINK(""x"";""y"")"');
  });

  it("neutralises header cells too", () => {
    expect(buildCsv(["=Nom"], []).slice(1)).toBe('"\'=Nom"\r\n');
  });

  it("leaves ordinary text alone", () => {
    expect(line("Maëlys")).toBe("Maëlys");
    expect(line("a=b")).toBe("a=b");
  });

  it("keeps numbers numeric and empties empty", () => {
    expect(line(-5)).toBe("-5");
    expect(line(75)).toBe("75");
    expect(line(null)).toBe("");
    expect(line(undefined)).toBe("");
  });

  it("reads back exactly what was written, row by row", () => {
    const rows = [
      ["Dupont, Jo", 'Le "grand"', "a\r\nb", 12],
      ["Éloïse", "", "4E B", 0],
    ];
    const csv = buildCsv(["Nom", "Surnom", "Classe", "Score"], rows);
    expect(readBack(csv)).toEqual([["Nom", "Surnom", "Classe", "Score"], ...rows.map((row) => row.map(String))]);
  });
});
