import { groupSkills } from "@/features/parcours/domain/variants";
import type { AnswerResult, CampaignSnapshot } from "@/features/parcours/types";

/**
 * The Analyse tab: what a class's shared results say, per competence and per question, and what
 * to work on next. Pure: the data layer passes the campaign's snapshot, the parcours' target
 * levels and the participations that count (shared results only, as the Résultats tab and Pix do:
 * before sharing a student's results are theirs, and the school sees progress only).
 */

/** One participation that counts, as stored: levels frozen in its results, answers in order. */
export type AnalysedParticipation = {
  competences: { competenceId: string; levelReached: number; masteryRate: number }[];
  answers: { challengeId: string; result: AnswerResult }[];
};

export type LevelCount = { level: number; count: number };

export type CompetenceAnalysis = {
  competenceId: string;
  name: string;
  /** Participants whose results cover this competence. */
  assessedCount: number;
  /** The parcours' target level for the competence; null when the parcours sets none. */
  targetLevel: number | null;
  /** Level 0 (not reached) then every level the campaign's questions offer, ascending; each with its count. */
  levels: LevelCount[];
  /** Below the target level (level reached < target); null without a target. */
  belowTargetCount: number | null;
  /** belowTargetCount / assessedCount in [0, 1]; null without a target or without anyone assessed. */
  belowTargetRate: number | null;
  /** Mean mastery rate in [0, 1]; null when nobody was assessed. */
  meanMasteryRate: number | null;
};

/**
 * A question missed, grouped by skill: the variants of a skill are equivalent questions drawn per
 * student (docs/decisions/015), so a class of 24 splits into thirds over three variants and no
 * single variant would look "often missed" — while the teacher's question is "which notion did
 * the class miss". The figures add up the variants; the statement shown is the variant most seen
 * (its text says what the notion is), the others are listed for whoever wants to read them.
 */
export type MissedQuestion = {
  skill: string;
  competenceId: string;
  competenceName: string;
  level: number;
  statement: string;
  /** Statements of the other variants seen, in snapshot order. */
  otherStatements: string[];
  /** Participants who were asked one of its variants. */
  seenCount: number;
  wrongCount: number;
  skippedCount: number;
  /** wrong + skipped. */
  missedCount: number;
};

export type Recommendation =
  | {
      kind: "below-target";
      /** "class": at least half is below the target, a lesson for everyone; "group": a smaller group. */
      scope: "class" | "group";
      competenceId: string;
      name: string;
      targetLevel: number;
      belowTargetCount: number;
      assessedCount: number;
      belowTargetRate: number;
    }
  | {
      kind: "low-mastery";
      scope: "class";
      competenceId: string;
      name: string;
      meanMasteryRate: number;
      assessedCount: number;
    };

export type ClassAnalysis = {
  participantCount: number;
  competences: CompetenceAnalysis[];
  missedQuestions: MissedQuestion[];
  recommendations: Recommendation[];
};

/** At least half the class below the target: the whole class works on it again. */
export const CLASS_SHARE = 0.5;
/** A quarter or more: enough students for a group of their own. Below that, individual help. */
export const GROUP_SHARE = 0.25;
/** Without a target level, a mean mastery below this calls for a lesson. */
export const LOW_MASTERY = 0.5;
/** What a teacher can act on in one go. */
export const MAX_RECOMMENDATIONS = 3;
export const MAX_MISSED_QUESTIONS = 10;

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function analyseCompetences(
  snapshot: CampaignSnapshot,
  targetLevels: Record<string, number | undefined>,
  participations: AnalysedParticipation[],
): CompetenceAnalysis[] {
  const skills = groupSkills(snapshot.challenges);
  return snapshot.competences.map((competence) => {
    const reached = participations.flatMap((participation) =>
      participation.competences.filter((result) => result.competenceId === competence.id),
    );
    const offered = skills.filter((skill) => skill.competenceId === competence.id).map((skill) => skill.level);
    // Level 0, the levels the questions offer, and any level a stored result holds beyond them.
    const levels = [...new Set([0, ...offered, ...reached.map((result) => result.levelReached)])].sort((a, b) => a - b);
    const target = targetLevels[competence.id];
    const targetLevel = typeof target === "number" ? target : null;
    const belowTargetCount =
      targetLevel === null ? null : reached.filter((result) => result.levelReached < targetLevel).length;
    return {
      competenceId: competence.id,
      name: competence.name,
      assessedCount: reached.length,
      targetLevel,
      levels: levels.map((level) => ({
        level,
        count: reached.filter((result) => result.levelReached === level).length,
      })),
      belowTargetCount,
      belowTargetRate: belowTargetCount === null || reached.length === 0 ? null : belowTargetCount / reached.length,
      meanMasteryRate: mean(reached.map((result) => result.masteryRate)),
    };
  });
}

function analyseMissedQuestions(snapshot: CampaignSnapshot, participations: AnalysedParticipation[]): MissedQuestion[] {
  const names = new Map(snapshot.competences.map((competence) => [competence.id, competence.name]));
  const skills = groupSkills(snapshot.challenges);
  const tally = new Map<string, { OK: number; KO: number; SKIPPED: number }>();
  for (const participation of participations) {
    for (const answer of participation.answers) {
      const counts = tally.get(answer.challengeId) ?? { OK: 0, KO: 0, SKIPPED: 0 };
      counts[answer.result] += 1;
      tally.set(answer.challengeId, counts);
    }
  }
  const questions = skills.flatMap((skill, order) => {
    const seen = skill.variants
      .map((variant) => {
        const counts = tally.get(variant.id);
        return { variant, counts, total: counts ? counts.OK + counts.KO + counts.SKIPPED : 0 };
      })
      .filter((entry) => entry.total > 0);
    if (seen.length === 0) return [];
    const wrongCount = seen.reduce((sum, entry) => sum + (entry.counts?.KO ?? 0), 0);
    const skippedCount = seen.reduce((sum, entry) => sum + (entry.counts?.SKIPPED ?? 0), 0);
    const missedCount = wrongCount + skippedCount;
    if (missedCount === 0) return [];
    // The most seen variant speaks for the skill (the first one on a tie: snapshot order).
    const shown = seen.reduce((best, entry) => (entry.total > best.total ? entry : best));
    return [
      {
        order,
        question: {
          skill: skill.skill,
          competenceId: skill.competenceId,
          competenceName: names.get(skill.competenceId) ?? skill.competenceId,
          level: skill.level,
          statement: shown.variant.statement,
          otherStatements: seen.filter((entry) => entry !== shown).map((entry) => entry.variant.statement),
          seenCount: seen.reduce((sum, entry) => sum + entry.total, 0),
          wrongCount,
          skippedCount,
          missedCount,
        },
      },
    ];
  });
  // Most students first (8 of 20 says more than 1 of 1), then the highest share, then content order.
  return questions
    .sort(
      (a, b) =>
        b.question.missedCount - a.question.missedCount ||
        b.question.missedCount / b.question.seenCount - a.question.missedCount / a.question.seenCount ||
        a.order - b.order,
    )
    .slice(0, MAX_MISSED_QUESTIONS)
    .map((entry) => entry.question);
}

/**
 * Rule-based, in order of urgency: a competence where at least a quarter of the students assessed
 * is below the parcours' target level (a class lesson from half, a group below that); for a
 * competence without a target level, a mean mastery below 50 %. The most urgent first (share below
 * the target, or the mastery missing), then content order; at most three.
 */
function recommend(competences: CompetenceAnalysis[]): Recommendation[] {
  type Candidate = { order: number; urgency: number; recommendation: Recommendation };
  const candidates = competences.flatMap((competence, order): Candidate[] => {
    if (competence.assessedCount === 0) return [];
    const { competenceId, name, assessedCount, targetLevel, belowTargetRate, meanMasteryRate } = competence;
    if (targetLevel !== null && belowTargetRate !== null) {
      if (belowTargetRate < GROUP_SHARE) return [];
      const scope = belowTargetRate >= CLASS_SHARE ? "class" : "group";
      const belowTargetCount = competence.belowTargetCount ?? 0;
      return [
        {
          order,
          urgency: belowTargetRate,
          recommendation: {
            kind: "below-target",
            scope,
            competenceId,
            name,
            targetLevel,
            belowTargetCount,
            assessedCount,
            belowTargetRate,
          },
        },
      ];
    }
    if (meanMasteryRate === null || meanMasteryRate >= LOW_MASTERY) return [];
    return [
      {
        order,
        urgency: 1 - meanMasteryRate,
        recommendation: { kind: "low-mastery", scope: "class", competenceId, name, meanMasteryRate, assessedCount },
      },
    ];
  });
  return candidates
    .sort((a, b) => b.urgency - a.urgency || a.order - b.order)
    .slice(0, MAX_RECOMMENDATIONS)
    .map((candidate) => candidate.recommendation);
}

export function analyseClass(input: {
  snapshot: CampaignSnapshot;
  targetLevels: Record<string, number | undefined>;
  participations: AnalysedParticipation[];
}): ClassAnalysis {
  const competences = analyseCompetences(input.snapshot, input.targetLevels, input.participations);
  return {
    participantCount: input.participations.length,
    competences,
    missedQuestions: analyseMissedQuestions(input.snapshot, input.participations),
    recommendations: recommend(competences),
  };
}
