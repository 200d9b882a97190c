import { computeCompetenceStates } from "@/features/parcours/domain/adaptive";
import { groupSkills } from "@/features/parcours/domain/variants";
import type { AnswerRecord, CampaignSnapshot, CompetenceResult, ParticipationResults } from "@/features/parcours/types";

/**
 * Mastery counts the campaign's skills held as acquired: those answered right (whichever variant
 * the student saw), plus the unasked ones at or below the level the student reached (who
 * succeeds at level 4 is credited with level 2). Wrong and skipped answers are never acquired. A skip counts as a failure: a
 * student who does not know must not be credited more than one who tried.
 */
export function computeResults(snapshot: CampaignSnapshot, answers: AnswerRecord[]): ParticipationResults {
  const resultById = new Map(answers.map((answer) => [answer.challengeId, answer.result]));
  const states = new Map(computeCompetenceStates(snapshot, answers).map((state) => [state.competenceId, state]));

  const competences: CompetenceResult[] = snapshot.competences.map((competence) => {
    const pool = groupSkills(snapshot.challenges).filter((skill) => skill.competenceId === competence.id);
    const levelReached = states.get(competence.id)?.floor ?? 0;
    let acquiredCount = 0;
    let answeredCount = 0;
    let correctCount = 0;
    for (const skill of pool) {
      const answered = skill.variants.find((variant) => resultById.has(variant.id));
      const result = answered ? resultById.get(answered.id) : undefined;
      if (result !== undefined) answeredCount += 1;
      if (result === "OK") correctCount += 1;
      if (result === "OK" || (result === undefined && skill.level <= levelReached)) acquiredCount += 1;
    }
    return {
      competenceId: competence.id,
      name: competence.name,
      areaCode: competence.areaCode,
      levelReached,
      maxLevel: pool.reduce((max, skill) => Math.max(max, skill.level), 0),
      acquiredCount,
      totalCount: pool.length,
      masteryRate: pool.length === 0 ? 0 : acquiredCount / pool.length,
      answeredCount,
      correctCount,
    };
  });

  const total = competences.reduce((sum, competence) => sum + competence.totalCount, 0);
  const acquired = competences.reduce((sum, competence) => sum + competence.acquiredCount, 0);
  const known = new Set(snapshot.challenges.map((challenge) => challenge.id));
  return {
    version: 1,
    masteryRate: total === 0 ? 0 : acquired / total,
    answeredCount: answers.filter((answer) => known.has(answer.challengeId)).length,
    correctCount: answers.filter((answer) => answer.result === "OK" && known.has(answer.challengeId)).length,
    competences,
    missedChallengeIds: answers
      .filter((answer) => answer.result !== "OK" && known.has(answer.challengeId))
      .map((answer) => answer.challengeId),
  };
}
