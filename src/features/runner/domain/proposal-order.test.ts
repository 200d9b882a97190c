import { describe, expect, it } from "vitest";

import { orderProposals } from "./proposal-order";

const proposals = ["a", "b", "c", "d"].map((id) => ({ id, label: `Réponse ${id}` }));

describe("orderProposals", () => {
  it("is stable for one participation and question (reloads and resumes show the same order)", () => {
    expect(orderProposals(proposals, 42, "1.1-mots-cles")).toEqual(orderProposals(proposals, 42, "1.1-mots-cles"));
  });

  it("keeps every choice with its id and label", () => {
    const ordered = orderProposals(proposals, 7, "q");
    expect([...ordered].sort((x, y) => x.id.localeCompare(y.id))).toEqual(proposals);
    expect(proposals.map((p) => p.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("does not leave the authored first choice first for most students", () => {
    let firstStaysFirst = 0;
    const participations = 400;
    for (let id = 1; id <= participations; id += 1)
      if (orderProposals(proposals, id, "4.1-deconnexion")[0]!.id === "a") firstStaysFirst += 1;
    // A uniform shuffle keeps it first for about a quarter of the students (100 ± ~9 σ here).
    expect(firstStaysFirst).toBeGreaterThan(50);
    expect(firstStaysFirst).toBeLessThan(150);
  });
});
