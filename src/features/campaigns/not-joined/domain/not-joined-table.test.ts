import { describe, expect, it } from "vitest";

import { buildNotJoinedTable, formatCalendarDay, notJoinedFileName } from "./not-joined-table";

const labels = {
  headers: { division: "Classe", lastName: "Nom", firstName: "Prénom", birthdate: "Naissance", garSignIn: "GAR" },
  yes: "Oui",
  no: "Non",
};

describe("buildNotJoinedTable", () => {
  it("writes class, names, birth date jj/mm/aaaa and the GAR sign-in as Oui/Non, in the order given", () => {
    const table = buildNotJoinedTable(
      [
        {
          id: 1,
          division: "6E B",
          lastName: "DURAND",
          firstName: "Tom",
          birthdate: "2012-12-31",
          hasSignedInWithGar: false,
        },
        {
          id: 2,
          division: "6E B",
          lastName: "MARTIN",
          firstName: "Léa",
          birthdate: "2013-04-02",
          hasSignedInWithGar: true,
        },
      ],
      labels,
    );
    expect(table.headers).toEqual(["Classe", "Nom", "Prénom", "Naissance", "GAR"]);
    expect(table.rows).toEqual([
      ["6E B", "DURAND", "Tom", "31/12/2012", "Non"],
      ["6E B", "MARTIN", "Léa", "02/04/2013", "Oui"],
    ]);
  });
});

describe("formatCalendarDay", () => {
  it("reads the day as written, whatever the time zone (a 1 January birthday stays 1 January)", () => {
    expect(formatCalendarDay("2013-01-01")).toBe("01/01/2013");
  });
});

describe("notJoinedFileName", () => {
  it("keeps the class readable and safe in a header", () => {
    expect(notJoinedFileName("6E B", "QWERTY234")).toBe("pas-encore-rejoint-6E-B-QWERTY234.csv");
    expect(notJoinedFileName('3ÈME "A"', "QWERTY234")).toBe("pas-encore-rejoint-3EME-A-QWERTY234.csv");
    expect(notJoinedFileName(null, "QWERTY234")).toBe("pas-encore-rejoint-QWERTY234.csv");
  });
});
