import { describe, expect, it } from "vitest";
import type { AnswerRecord, AnswerResult, CampaignSnapshot, ChallengeSnapshot } from "../types";
import {
  chooseNextChallenge,
  computeCompetenceStates,
  estimateProgress,
  progressPercent,
  readStartLevels,
  startLevel,
  toProgressPercent,
} from "./adaptive";

function challenge(competenceId: string, level: number, suffix = ""): ChallengeSnapshot {
  return {
    id: `${competenceId}-n${level}${suffix}`,
    competenceId,
    skill: `@s${competenceId.replace(".", "")}n${level}${suffix}`,
    level,
    type: "QCU",
    statement: "?",
    proposals: [
      { id: "a", label: "A" },
      { id: "b", label: "B" },
    ],
    answerKey: ["a"],
    explanation: "!",
    illustrationUrl: null,
    illustrationAlt: null,
  };
}

/** Competence 1.1 offers levels 1–5, competence 4.2 levels 2–4. */
const snapshot: CampaignSnapshot = {
  targetProfileId: "test",
  competences: [
    { id: "1.1", name: "Recherche", areaCode: "1" },
    { id: "4.2", name: "Données personnelles", areaCode: "4" },
  ],
  challenges: [1, 2, 3, 4, 5]
    .map((level) => challenge("1.1", level))
    .concat([2, 3, 4].map((level) => challenge("4.2", level))),
};

/** Plays a whole campaign, recomputing from the stored answers at every step as the app does. */
function play(
  source: CampaignSnapshot,
  decide: (challenge: ChallengeSnapshot, index: number) => AnswerResult,
  startLevels: Record<string, number> = {},
): AnswerRecord[] {
  const answers: AnswerRecord[] = [];
  for (
    let next = chooseNextChallenge(source, answers, 1, startLevels);
    next;
    next = chooseNextChallenge(source, answers, 1, startLevels)
  ) {
    answers.push({ challengeId: next.id, result: decide(next, answers.length) });
    if (answers.length > source.challenges.length) throw new Error("the runner never stops");
  }
  return answers;
}

const levelOf = (id: string) => Number(id.split("-n")[1]?.[0]);

describe("chooseNextChallenge", () => {
  it("starts each competence in the middle of the levels offered, competences taking turns", () => {
    expect(chooseNextChallenge(snapshot, [], 1)?.id).toBe("1.1-n3");
    expect(chooseNextChallenge(snapshot, [{ challengeId: "1.1-n3", result: "OK" }], 1)?.id).toBe("4.2-n3");
  });

  it("all right: levels go up until the top is pinned", () => {
    const answers = play(snapshot, () => "OK");
    expect(answers.map((answer) => answer.challengeId)).toEqual(["1.1-n3", "4.2-n3", "1.1-n4", "4.2-n4", "1.1-n5"]);
    const states = computeCompetenceStates(snapshot, answers);
    expect(states.map((state) => [state.competenceId, state.floor, state.isDone])).toEqual([
      ["1.1", 5, true],
      ["4.2", 4, true],
    ]);
  });

  it("all wrong: levels go down until the bottom", () => {
    const answers = play(snapshot, () => "KO");
    expect(answers.map((answer) => answer.challengeId)).toEqual(["1.1-n3", "4.2-n3", "1.1-n2", "4.2-n2", "1.1-n1"]);
    expect(computeCompetenceStates(snapshot, answers).map((state) => state.floor)).toEqual([0, 0]);
  });

  it("a skip counts as a failure", () => {
    const skipped = play(snapshot, () => "SKIPPED").map((answer) => answer.challengeId);
    const wrong = play(snapshot, () => "KO").map((answer) => answer.challengeId);
    expect(skipped).toEqual(wrong);
  });

  it("is deterministic: the same answers give the same sequence", () => {
    const decide = (next: ChallengeSnapshot, index: number): AnswerResult =>
      index % 3 === 1 ? "KO" : next.level <= 3 ? "OK" : "KO";
    expect(play(snapshot, decide)).toEqual(play(snapshot, decide));
  });

  it("stops a competence once its level is pinned between a success and a failure", () => {
    const answers: AnswerRecord[] = [
      { challengeId: "1.1-n3", result: "OK" },
      { challengeId: "4.2-n3", result: "OK" },
      { challengeId: "1.1-n4", result: "KO" },
    ];
    const [research] = computeCompetenceStates(snapshot, answers);
    expect(research).toMatchObject({ floor: 3, ceiling: 4, isDone: true });
    // Level 5 is never asked after a failure at level 4, nor 1–2 after a success at 3.
    expect(chooseNextChallenge(snapshot, answers, 1)?.id).toBe("4.2-n4");
  });

  it("never asks a second question of a level already settled, and stops when questions run out", () => {
    const twin: CampaignSnapshot = {
      targetProfileId: "twin",
      competences: [{ id: "2.1", name: "Interagir", areaCode: "2" }],
      challenges: [challenge("2.1", 3, "a"), challenge("2.1", 3, "b")],
    };
    expect(play(twin, () => "OK").map((answer) => answer.challengeId)).toEqual(["2.1-n3a"]);
    expect(play(twin, () => "KO").map((answer) => answer.challengeId)).toEqual(["2.1-n3a"]);
  });

  it("moves to the nearest level available when the next one has no question", () => {
    const gappy: CampaignSnapshot = {
      targetProfileId: "gappy",
      competences: [{ id: "3.4", name: "Programmer", areaCode: "3" }],
      challenges: [1, 2, 5, 6].map((level) => challenge("3.4", level)),
    };
    expect(play(gappy, () => "OK").map((answer) => answer.challengeId)).toEqual(["3.4-n2", "3.4-n5", "3.4-n6"]);
  });

  it("ignores answers to questions that are not in the snapshot", () => {
    expect(chooseNextChallenge(snapshot, [{ challengeId: "9.9-ailleurs", result: "OK" }], 1)?.id).toBe("1.1-n3");
  });

  it("returns null for a snapshot with no question", () => {
    expect(chooseNextChallenge({ targetProfileId: "x", competences: [], challenges: [] }, [], 1)).toBeNull();
  });

  it("every path through the real level ladder ends, and each question is asked once", () => {
    for (let mask = 0; mask < 1 << 5; mask += 1) {
      const answers = play(snapshot, (_next, index) => ((mask >> index) & 1 ? "OK" : "KO"));
      const ids = answers.map((answer) => answer.challengeId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => levelOf(id) >= 1)).toBe(true);
    }
  });
});

describe("estimateProgress", () => {
  it("announces a total at the start and never less than the current question", () => {
    expect(estimateProgress(snapshot, [])).toEqual({ answeredCount: 0, estimatedTotal: 5 });
    const answers: AnswerRecord[] = [];
    for (let next = chooseNextChallenge(snapshot, answers, 1); next; next = chooseNextChallenge(snapshot, answers, 1)) {
      const progress = estimateProgress(snapshot, answers);
      expect(progress.answeredCount).toBe(answers.length);
      expect(progress.estimatedTotal).toBeGreaterThanOrEqual(answers.length + 1);
      answers.push({ challengeId: next.id, result: answers.length % 2 === 0 ? "OK" : "KO" });
    }
    expect(estimateProgress(snapshot, answers)).toEqual({
      answeredCount: answers.length,
      estimatedTotal: answers.length,
    });
  });

  it("never grows past what the student already read, except by the questions actually added", () => {
    // A bigger parcours, so that the adaptive path has room to run longer than first announced.
    const large: CampaignSnapshot = {
      targetProfileId: "large",
      competences: ["1.1", "2.1", "3.1", "4.1"].map((id) => ({ id, name: id, areaCode: id[0]! })),
      challenges: ["1.1", "2.1", "3.1", "4.1"].flatMap((competenceId) =>
        [1, 2, 3, 4, 5, 6].flatMap((level) => [challenge(competenceId, level), challenge(competenceId, level, "b")]),
      ),
    };
    const patterns: ((index: number) => AnswerResult)[] = [
      () => "OK",
      () => "KO",
      (index) => (index % 2 === 0 ? "OK" : "KO"),
      (index) => (index < 4 ? "KO" : "OK"),
      (index) => (index < 4 ? "OK" : "KO"),
      (index) => (index % 3 === 0 ? "KO" : "OK"),
    ];
    for (const pattern of patterns) {
      const answers = play(large, (_, index) => pattern(index));
      let previous = estimateProgress(large, []).estimatedTotal;
      for (let given = 1; given < answers.length; given += 1) {
        const { estimatedTotal } = estimateProgress(large, answers.slice(0, given));
        expect(estimatedTotal).toBeGreaterThanOrEqual(given + 1);
        expect(estimatedTotal).toBeLessThanOrEqual(Math.max(previous, given + 1));
        previous = estimatedTotal;
      }
      expect(estimateProgress(large, answers).estimatedTotal).toBe(answers.length);
    }
  });
});

describe("adaptive start from the known profile", () => {
  /** Competence 1.1 offers levels 1–8 (a skill per level). */
  const wide: CampaignSnapshot = {
    ...snapshot,
    competences: [snapshot.competences[0]!],
    challenges: [1, 2, 3, 4, 5, 6, 7, 8].map((level) => challenge("1.1", level)),
  };
  /** A student who masters up to `level`: right at or below, wrong above. */
  const studentAt = (level: number) => (next: ChallengeSnapshot) => (next.level <= level ? "OK" : "KO") as AnswerResult;

  it("starts a known competence at the offered level nearest the known one; unknown ones in the middle", () => {
    expect(chooseNextChallenge(snapshot, [], 1, { "1.1": 5 })?.id).toBe("1.1-n5");
    // 4.2 offers 2–4: a known 7 starts at 4, a known 0 at the easiest.
    expect(chooseNextChallenge(snapshot, [{ challengeId: "1.1-n5", result: "OK" }], 1, { "4.2": 7 })?.id).toBe(
      "4.2-n4",
    );
    expect(chooseNextChallenge(snapshot, [{ challengeId: "1.1-n3", result: "OK" }], 1, { "4.2": 0 })?.id).toBe(
      "4.2-n2",
    );
    // A profile for a competence the campaign does not assess changes nothing.
    expect(chooseNextChallenge(snapshot, [], 1, { "5.1": 6 })?.id).toBe("1.1-n3");
  });

  it("nearest offered level, the easier on a tie", () => {
    const pool = [2, 4, 6].map((level) => ({ level }) as never);
    expect(startLevel(pool, 5)).toBe(4);
    expect(startLevel(pool, 6)).toBe(6);
    expect(startLevel(pool, 8)).toBe(6);
    expect(startLevel(pool)).toBe(4);
  });

  it("asks fewer questions of a student whose level is known, and reaches the same level", () => {
    for (const level of [6, 7, 8]) {
      const fresh = play(wide, studentAt(level));
      const known = play(wide, studentAt(level), { "1.1": level });
      expect(known.length, `level ${level}`).toBeLessThan(fresh.length);
      expect(computeCompetenceStates(wide, known)[0]!.floor).toBe(level);
      expect(computeCompetenceStates(wide, fresh)[0]!.floor).toBe(level);
    }
  });

  it("still finds a lower level when the student has lost ground since", () => {
    const answers = play(wide, studentAt(2), { "1.1": 6 });
    expect(answers[0]!.challengeId).toBe("1.1-n6");
    expect(computeCompetenceStates(wide, answers)[0]!.floor).toBe(2);
  });

  it("the start estimate follows the known levels, and is stable on replay", () => {
    const unknown = estimateProgress(wide, []).estimatedTotal;
    const known = estimateProgress(wide, [], { "1.1": 8 }).estimatedTotal;
    expect(known).toBeLessThan(unknown);
    const answers = play(wide, studentAt(8), { "1.1": 8 });
    expect(estimateProgress(wide, answers, { "1.1": 8 })).toEqual({
      answeredCount: answers.length,
      estimatedTotal: answers.length,
    });
  });
});

describe("progress as staff see it", () => {
  /** Four competences offering levels 1–8, so that a known profile changes the walk's length a lot. */
  const parcours: CampaignSnapshot = {
    targetProfileId: "progress",
    competences: ["1.1", "2.1", "3.1", "4.1"].map((id) => ({ id, name: id, areaCode: id[0]! })),
    challenges: ["1.1", "2.1", "3.1", "4.1"].flatMap((competenceId) =>
      [1, 2, 3, 4, 5, 6, 7, 8].map((level) => challenge(competenceId, level)),
    ),
  };
  const known = { "1.1": 7, "2.1": 7, "3.1": 7, "4.1": 7 };
  const answers = play(parcours, (next) => (next.level <= 7 ? "OK" : "KO"), known);

  it("is, while started, what the runner's bar shows the student from the same answers and start levels", () => {
    expect(answers.length).toBeGreaterThan(2);
    let differs = false;
    for (let given = 0; given < answers.length; given += 1) {
      const sofar = answers.slice(0, given);
      const shownToStudent = toProgressPercent(estimateProgress(parcours, sofar, known));
      expect(progressPercent(parcours, "STARTED", sofar, known), `after ${given} answers`).toBe(shownToStudent);
      expect(shownToStudent).toBeLessThan(100);
      if (progressPercent(parcours, "STARTED", sofar, {}) !== shownToStudent) differs = true;
    }
    // Without the start levels the same answers read as another walk: the figure would be wrong.
    expect(differs).toBe(true);
    // Three answers in, one competence not begun yet: it is known to start high, so less is left.
    expect(progressPercent(parcours, "STARTED", answers.slice(0, 3), known)).toBeGreaterThan(
      progressPercent(parcours, "STARTED", answers.slice(0, 3), {}),
    );
  });

  it("is 100 once finished, whatever the answers", () => {
    expect(progressPercent(parcours, "TO_SHARE", answers, known)).toBe(100);
    expect(progressPercent(parcours, "SHARED", [], {})).toBe(100);
  });

  it("never reads 100 while started, even past the estimate", () => {
    expect(toProgressPercent({ answeredCount: 3, estimatedTotal: 3 })).toBe(75);
    expect(toProgressPercent({ answeredCount: 0, estimatedTotal: 0 })).toBe(0);
    expect(progressPercent(parcours, "STARTED", answers, known)).toBeLessThan(100);
  });
});

describe("readStartLevels", () => {
  it("keeps the known level of each competence as stored", () => {
    expect(readStartLevels({ "1.1": 4, "3.1": 0 })).toEqual({ "1.1": 4, "3.1": 0 });
    expect(readStartLevels({})).toEqual({});
  });

  it("reads anything else as no known level", () => {
    expect(readStartLevels(null)).toEqual({});
    expect(readStartLevels(undefined)).toEqual({});
    expect(readStartLevels([4, 5])).toEqual({});
    expect(readStartLevels("4")).toEqual({});
    expect(readStartLevels({ "1.1": "4", "2.1": null, "3.1": Number.NaN, "4.1": 6 })).toEqual({ "4.1": 6 });
  });
});
