import { describe, expect, it } from "vitest";

import { buildCsv } from "./csv";
import { buildExportTable, type ExportInput, type ExportLabels } from "./export-table";

const labels: ExportLabels = {
  headers: {
    campaignName: "Campagne",
    code: "Code",
    targetProfile: "Parcours",
    lastName: "Nom",
    firstName: "Prénom",
    division: "Classe",
    ine: "INE",
    status: "Statut",
    progress: "Progression (%)",
    startedAt: "Date de début",
    shared: "Envoyés",
    sharedAt: "Date d'envoi",
    mastery: "Maîtrise (%)",
    competence: (id, name) => `${id} ${name} (%)`,
  },
  statuses: { NOT_STARTED: "Pas commencé", STARTED: "En cours", TO_SHARE: "À envoyer", SHARED: "Envoyés" },
  yes: "Oui",
  no: "Non",
};

function input(includeIne: boolean): ExportInput {
  return {
    campaignName: "Rentrée — 4E B",
    code: "QWERTY234",
    targetProfileName: "Rentrée 6e",
    includeIne,
    competences: [
      { id: "1.1", name: "Recherche" },
      { id: "4.1", name: "Sécurité" },
    ],
    rows: [
      {
        lastName: "BERTHELOT",
        firstName: "Maëlys",
        division: "4E B",
        ine: includeIne ? "1234567890A" : null,
        status: "SHARED",
        progress: 100,
        // 23:30 UTC is already the next day in Paris.
        startedAt: new Date("2026-09-14T23:30:00Z"),
        sharedAt: new Date("2026-09-16T10:00:00Z"),
        results: { masteryRate: 0.456, competenceRates: { "1.1": 1 } },
      },
      {
        lastName: "=CMD()",
        firstName: "Jo",
        division: "4E B",
        ine: includeIne ? "2234567890B" : null,
        status: "STARTED",
        progress: 40,
        startedAt: new Date("2026-09-15T08:00:00Z"),
        sharedAt: null,
        results: null,
      },
      {
        lastName: "NOËL",
        firstName: "Ana",
        division: "4E B",
        ine: includeIne ? "3234567890C" : null,
        status: "NOT_STARTED",
        progress: 0,
        startedAt: null,
        sharedAt: null,
        results: null,
      },
    ],
  };
}

describe("buildExportTable", () => {
  it("writes the campaign, then one line per learner, with results only when shared", () => {
    const table = buildExportTable(input(false), labels);
    expect(table.headers).toEqual([
      "Campagne",
      "Code",
      "Parcours",
      "Nom",
      "Prénom",
      "Classe",
      "Statut",
      "Progression (%)",
      "Date de début",
      "Envoyés",
      "Date d'envoi",
      "Maîtrise (%)",
      "1.1 Recherche (%)",
      "4.1 Sécurité (%)",
    ]);
    const campaign = ["Rentrée — 4E B", "QWERTY234", "Rentrée 6e"];
    expect(table.rows).toEqual([
      [...campaign, "BERTHELOT", "Maëlys", "4E B", "Envoyés", 100, "15/09/2026", "Oui", "16/09/2026", 46, 100, null],
      [...campaign, "=CMD()", "Jo", "4E B", "En cours", 40, "15/09/2026", "Non", null, null, null, null],
      [...campaign, "NOËL", "Ana", "4E B", "Pas commencé", 0, null, "Non", null, null, null, null],
    ]);
    const csv = buildCsv(table.headers, table.rows);
    expect(csv).toContain(
      '\r\nRentrée — 4E B;QWERTY234;Rentrée 6e;"\'=CMD()";Jo;4E B;En cours;40;15/09/2026;Non;;;;\r\n',
    );
    expect(csv).not.toContain("1234567890A");
  });

  it("adds the INE after the class when asked to", () => {
    const table = buildExportTable(input(true), labels);
    expect(table.headers.slice(5, 8)).toEqual(["Classe", "INE", "Statut"]);
    expect(table.rows.map((row) => row[6])).toEqual(["1234567890A", "2234567890B", "3234567890C"]);
  });
});
