import { describe, expect, it } from "vitest";

import { campaignsMessages } from "./campaigns";

const t = campaignsMessages.analysis;

describe("the Analyse tab's sentences", () => {
  it("say who is below the target, with the right agreement", () => {
    expect(t.recommendation.belowTarget(62, 8, 13, 3, "1.1 Mener une recherche", "class")).toBe(
      "62 % des élèves (8 sur 13) sont sous le niveau visé (3) en 1.1 Mener une recherche : à reprendre avec toute la classe.",
    );
    expect(t.recommendation.belowTarget(31, 4, 13, 3, "2.1 Interagir", "group")).toBe(
      "31 % des élèves (4 sur 13) sont sous le niveau visé (3) en 2.1 Interagir : à reprendre en petit groupe avec les 4 élèves concernés.",
    );
    expect(t.recommendation.belowTarget(25, 1, 4, 2, "4.1 Sécuriser", "group")).toBe(
      "25 % des élèves (1 sur 4) sont sous le niveau visé (2) en 4.1 Sécuriser : à reprendre avec l'élève concerné.",
    );
    expect(t.belowTarget(1, 4, 25)).toBe("1 élève sur 4 (25 %) est sous le niveau visé.");
    expect(t.belowTarget(0, 4, 0)).toBe("0 élève sur 4 (0 %) est sous le niveau visé.");
    expect(t.belowTarget(3, 4, 75)).toBe("3 élèves sur 4 (75 %) sont sous le niveau visé.");
  });

  it("count answers and the basis in singular and plural", () => {
    expect(t.missedDetail(1, 0)).toBe("1 réponse fausse, 0 question passée");
    expect(t.missedDetail(2, 3)).toBe("2 réponses fausses, 3 questions passées");
    expect(t.basis(1)).toMatch(/^Calculée sur les résultats envoyés : 1 élève\. /);
    expect(t.basis(12, "6E B")).toMatch(/^Calculée sur les résultats envoyés : 12 élèves de la classe 6E B\. /);
    expect(t.otherForms(1)).toBe("Voir l'autre forme de la question");
    expect(t.otherForms(2)).toBe("Voir les 2 autres formes de la question");
  });
});
