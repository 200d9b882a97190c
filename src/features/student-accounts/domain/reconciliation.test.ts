import { describe, expect, it } from "vitest";
import {
  findMatchingLearner,
  levenshteinDistance,
  namesMatchExactly,
  nameDistanceRatio,
  normalizeName,
  type ReconciliationCandidate,
} from "./reconciliation";

function learner(id: number, names: Partial<Omit<ReconciliationCandidate, "id">>): ReconciliationCandidate {
  return {
    id,
    firstName: "Prénom",
    middleName: null,
    thirdName: null,
    lastName: "NOM",
    preferredLastName: null,
    ...names,
  };
}

describe("normalizeName", () => {
  it("lower-cases and removes accents", () => {
    expect(normalizeName("Maëlys")).toBe("maelys");
    expect(normalizeName("HÉLOÏSE")).toBe("heloise");
    expect(normalizeName("Jérôme")).toBe("jerome");
    expect(normalizeName("Çağla")).toBe("cagla");
  });

  it("expands œ and æ, lower and upper case", () => {
    expect(normalizeName("CŒURDEROY")).toBe("coeurderoy");
    expect(normalizeName("Œhler")).toBe("oehler");
    expect(normalizeName("Lætitia")).toBe("laetitia");
  });

  it("removes hyphens, apostrophes (straight and typographic) and spaces", () => {
    expect(normalizeName("DUPONT-MOREAU")).toBe("dupontmoreau");
    expect(normalizeName("Dupont Moreau")).toBe("dupontmoreau");
    expect(normalizeName("O'NEILL")).toBe("oneill");
    expect(normalizeName("O’Neill")).toBe("oneill");
    expect(normalizeName("  N' Diaye  ")).toBe("ndiaye");
    expect(normalizeName("DA SILVA")).toBe("dasilva");
  });
});

describe("levenshteinDistance and ratio", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(levenshteinDistance("kitten", "sitting")).toBe(3);
    expect(levenshteinDistance("", "abc")).toBe(3);
    expect(levenshteinDistance("abc", "abc")).toBe(0);
  });

  it("divides by the GAR name's length, not the record's", () => {
    expect(nameDistanceRatio("abcd", "abcdefgh")).toBe(1);
    expect(nameDistanceRatio("abcdefgh", "abcd")).toBe(0.5);
  });
});

describe("findMatchingLearner", () => {
  const ines = learner(1, { firstName: "Inès", lastName: "BERTHELOT" });
  const other = learner(2, { firstName: "Louise", lastName: "BERTHELOT" });

  it("matches identical names", () => {
    expect(findMatchingLearner({ firstName: "Inès", lastName: "BERTHELOT" }, [ines, other])).toEqual({
      status: "MATCHED",
      learnerId: 1,
    });
  });

  it("matches when the GAR dropped the accents", () => {
    expect(findMatchingLearner({ firstName: "INES", lastName: "berthelot" }, [ines, other])).toEqual({
      status: "MATCHED",
      learnerId: 1,
    });
  });

  it("matches œ written oe", () => {
    const raphael = learner(3, { firstName: "Raphaël", lastName: "CŒURDEROY" });
    expect(findMatchingLearner({ firstName: "Raphael", lastName: "COEURDEROY" }, [raphael])).toEqual({
      status: "MATCHED",
      learnerId: 3,
    });
  });

  it("matches a missing hyphen and an apostrophe written differently", () => {
    const sacha = learner(4, { firstName: "Camille", lastName: "DUPONT-MOREAU" });
    const emma = learner(5, { firstName: "Emma", lastName: "N'DIAYE" });
    expect(findMatchingLearner({ firstName: "Camille", lastName: "DUPONT MOREAU" }, [sacha, emma])).toEqual({
      status: "MATCHED",
      learnerId: 4,
    });
    expect(findMatchingLearner({ firstName: "Emma", lastName: "N’Diaye" }, [sacha, emma])).toEqual({
      status: "MATCHED",
      learnerId: 5,
    });
    expect(findMatchingLearner({ firstName: "Emma", lastName: "NDIAYE" }, [sacha, emma])).toEqual({
      status: "MATCHED",
      learnerId: 5,
    });
  });

  it("matches spaces inside compound names", () => {
    const jeanne = learner(6, { firstName: "Marie-Jeanne", lastName: "DA SILVA" });
    expect(findMatchingLearner({ firstName: "Marie Jeanne", lastName: "DASILVA" }, [jeanne])).toEqual({
      status: "MATCHED",
      learnerId: 6,
    });
  });

  it("matches the usage name as well as the family name", () => {
    const chloe = learner(7, { firstName: "Chloé", lastName: "BONNET", preferredLastName: "MOREAU" });
    expect(findMatchingLearner({ firstName: "Chloé", lastName: "MOREAU" }, [chloe])).toEqual({
      status: "MATCHED",
      learnerId: 7,
    });
    expect(findMatchingLearner({ firstName: "Chloé", lastName: "BONNET" }, [chloe])).toEqual({
      status: "MATCHED",
      learnerId: 7,
    });
  });

  it("matches the second and the third given names", () => {
    const timeo = learner(8, { firstName: "Timéo", middleName: "Mohamed", thirdName: "Pierre", lastName: "LAURENT" });
    expect(findMatchingLearner({ firstName: "Mohamed", lastName: "LAURENT" }, [timeo])).toEqual({
      status: "MATCHED",
      learnerId: 8,
    });
    expect(findMatchingLearner({ firstName: "Pierre", lastName: "Laurent" }, [timeo])).toEqual({
      status: "MATCHED",
      learnerId: 8,
    });
  });

  it("prefers an exact match on the first given name over a tolerant one", () => {
    const lea = learner(9, { firstName: "Léa", lastName: "MARTIN" });
    const leana = learner(10, { firstName: "Léana", lastName: "MARTIN" });
    expect(findMatchingLearner({ firstName: "Lea", lastName: "MARTIN" }, [leana, lea])).toEqual({
      status: "MATCHED",
      learnerId: 9,
    });
  });

  it("accepts a distance of exactly 0.25 of the GAR name's length", () => {
    // "mathilde" (8 letters) vs "matylda": 2 edits → 2/8 = 0.25.
    const record = learner(11, { firstName: "Matylde", lastName: "GIRARD" });
    expect(levenshteinDistance("mathilde", "matylde")).toBe(2);
    expect(findMatchingLearner({ firstName: "Mathilde", lastName: "GIRARD" }, [record])).toEqual({
      status: "MATCHED",
      learnerId: 11,
    });
    // The ratio uses the GAR name's length: "fournie" (7) vs "furnier" is 2 edits → 0.29.
    const fournier = learner(12, { firstName: "Adam", lastName: "FURNIER" });
    expect(findMatchingLearner({ firstName: "Adam", lastName: "FOURNIE" }, [fournier])).toEqual({
      status: "NOT_FOUND",
    });
  });

  it("refuses a distance just above 0.25", () => {
    // "mathild" (7 letters) vs "matylde": 3 edits → 3/7 ≈ 0.43.
    const record = learner(13, { firstName: "Matylde", lastName: "GIRARD" });
    expect(findMatchingLearner({ firstName: "Mathild", lastName: "GIRARD" }, [record])).toEqual({
      status: "NOT_FOUND",
    });
    // "maxence" (7) vs "maxanse": 2/7 ≈ 0.286 > 0.25.
    const maxence = learner(14, { firstName: "Maxanse", lastName: "ROBERT" });
    expect(nameDistanceRatio("maxence", "maxanse")).toBeCloseTo(2 / 7);
    expect(findMatchingLearner({ firstName: "Maxence", lastName: "ROBERT" }, [maxence])).toEqual({
      status: "NOT_FOUND",
    });
    // One letter fewer in the record brings it back to 1/7 ≤ 0.25.
    const maxance = learner(15, { firstName: "Maxance", lastName: "ROBERT" });
    expect(findMatchingLearner({ firstName: "Maxence", lastName: "ROBERT" }, [maxance])).toEqual({
      status: "MATCHED",
      learnerId: 15,
    });
  });

  it("applies the boundary to the last name too", () => {
    // "berthelot" (9) vs "bertelo": 2 edits → 0.22 ≤ 0.25; vs "bartelo": 3 edits → 0.33.
    const close = learner(16, { firstName: "Inès", lastName: "BERTELO" });
    const far = learner(17, { firstName: "Inès", lastName: "BARTELO" });
    expect(findMatchingLearner({ firstName: "Inès", lastName: "BERTHELOT" }, [close])).toEqual({
      status: "MATCHED",
      learnerId: 16,
    });
    expect(findMatchingLearner({ firstName: "Inès", lastName: "BERTHELOT" }, [far])).toEqual({
      status: "NOT_FOUND",
    });
  });

  it("treats twins who fit equally well as ambiguous (no match)", () => {
    const marieAnne = learner(18, { firstName: "Marie", middleName: "Anne", lastName: "MARTIN" });
    const marieLouise = learner(19, { firstName: "Marie", middleName: "Louise", lastName: "MARTIN" });
    expect(findMatchingLearner({ firstName: "Marie", lastName: "MARTIN" }, [marieAnne, marieLouise])).toEqual({
      status: "AMBIGUOUS",
      candidateCount: 2,
    });
  });

  it("treats twins who both fit only the tolerant pass as ambiguous", () => {
    const marianne = learner(20, { firstName: "Marianne", lastName: "PETIT" });
    const mariana = learner(21, { firstName: "Mariana", lastName: "PETIT" });
    expect(findMatchingLearner({ firstName: "Mariane", lastName: "PETIT" }, [marianne, mariana])).toEqual({
      status: "AMBIGUOUS",
      candidateCount: 2,
    });
  });

  it("tells twins with different first names apart", () => {
    const lucas = learner(22, { firstName: "Lucas", lastName: "ROUX" });
    const louis = learner(23, { firstName: "Louis", lastName: "ROUX" });
    expect(findMatchingLearner({ firstName: "Louis", lastName: "ROUX" }, [lucas, louis])).toEqual({
      status: "MATCHED",
      learnerId: 23,
    });
  });

  it("finds nothing among no candidates or with an empty GAR name", () => {
    expect(findMatchingLearner({ firstName: "Inès", lastName: "BERTHELOT" }, [])).toEqual({ status: "NOT_FOUND" });
    expect(findMatchingLearner({ firstName: " - ", lastName: "BERTHELOT" }, [ines])).toEqual({ status: "NOT_FOUND" });
  });

  it("does not match another person with the same birth date", () => {
    expect(findMatchingLearner({ firstName: "Hugo", lastName: "BERTRAND" }, [ines, other])).toEqual({
      status: "NOT_FOUND",
    });
  });
});

describe("namesMatchExactly", () => {
  const come = learner(1, {
    firstName: "Côme",
    middleName: "Fatoumata",
    lastName: "MÜLLER",
    preferredLastName: "MULLER-DIOP",
  });

  it("accepts names equal after normalisation (accents, case, spaces, punctuation)", () => {
    expect(namesMatchExactly({ firstName: "Côme", lastName: "MÜLLER" }, come)).toBe(true);
    expect(namesMatchExactly({ firstName: "come", lastName: "muller" }, come)).toBe(true);
    expect(namesMatchExactly({ firstName: "Fatoumata", lastName: "Muller Diop" }, come)).toBe(true);
  });

  it("refuses what only the tolerant pass would accept (the cross-school takeover: Come MULLAR)", () => {
    expect(findMatchingLearner({ firstName: "Come", lastName: "MULLAR" }, [come])).toEqual({
      status: "MATCHED",
      learnerId: 1,
    });
    expect(namesMatchExactly({ firstName: "Come", lastName: "MULLAR" }, come)).toBe(false);
    expect(namesMatchExactly({ firstName: "Comé", lastName: "MULLERS" }, come)).toBe(false);
    expect(namesMatchExactly({ firstName: "Côm", lastName: "MÜLLER" }, come)).toBe(false);
  });

  it("refuses empty names and names split differently between first and last", () => {
    expect(namesMatchExactly({ firstName: " - ", lastName: "MÜLLER" }, come)).toBe(false);
    expect(namesMatchExactly({ firstName: "Côme MÜLLER", lastName: "MÜLLER" }, come)).toBe(false);
  });
});
