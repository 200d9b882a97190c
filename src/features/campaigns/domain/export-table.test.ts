import { describe, expect, it } from "vitest";

import { buildCsv } from "./csv";
import { buildExportTable, type ExportLabels } from "./export-table";

const labels: ExportLabels = {
  headers: {
    lastName: "Nom",
    firstName: "Prénom",
    division: "Classe",
    status: "Statut",
    progress: "Progression (%)",
    startedAt: "Date de début",
    shared: "Envoyés",
    sharedAt: "Date d'envoi",
    mastery: "Maîtrise (%)",
    competence: (id, name) => `${id} ${name} (%)`,
  },
  statuses: { STARTED: "En cours", TO_SHARE: "À envoyer", SHARED: "Envoyés" },
  yes: "Oui",
  no: "Non",
};

describe("buildExportTable", () => {
  it("writes one line per participant, with results only when shared", () => {
    const table = buildExportTable(
      {
        competences: [
          { id: "1.1", name: "Recherche" },
          { id: "4.1", name: "Sécurité" },
        ],
        rows: [
          {
            lastName: "BERTHELOT",
            firstName: "Maëlys",
            division: "4E B",
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
            status: "STARTED",
            progress: 40,
            startedAt: new Date("2026-09-15T08:00:00Z"),
            sharedAt: null,
            results: null,
          },
        ],
      },
      labels,
    );
    expect(table.headers).toEqual([
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
    expect(table.rows).toEqual([
      ["BERTHELOT", "Maëlys", "4E B", "Envoyés", 100, "15/09/2026", "Oui", "16/09/2026", 46, 100, null],
      ["=CMD()", "Jo", "4E B", "En cours", 40, "15/09/2026", "Non", null, null, null, null],
    ]);
    const csv = buildCsv(table.headers, table.rows);
    expect(csv).toContain('\r\n"\'=CMD()";Jo;4E B;En cours;40;15/09/2026;Non;;;;\r\n');
  });
});
