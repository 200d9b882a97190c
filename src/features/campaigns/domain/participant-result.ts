import { checkFields, readFieldsAnswer } from "@/features/parcours/domain/answer-check";
import type { AnswerResult, CampaignSnapshot, ParticipationResults } from "@/features/parcours/types";

export type ResultQuestion = {
  challengeId: string;
  statement: string;
  result: AnswerResult;
  /** A QROCM answered (not skipped): each field, what the student typed and the first accepted answer. */
  fields?: { label: string; given: string; expected: string; isRight: boolean }[];
};

export type ResultCompetence = {
  competenceId: string;
  name: string;
  levelReached: number;
  maxLevel: number;
  /** In [0, 1]. */
  masteryRate: number;
  /** The questions of this competence the student met, in the order they were met. */
  questions: ResultQuestion[];
};

/**
 * One student's shared result as Orga shows it (the view the student has after sharing): per
 * competence of the campaign, the level reached and mastery from the frozen results, and each
 * question met, right, wrong or skipped, with its text from the campaign's own snapshot (the bank
 * may have changed since). A question whose competence the results do not list is left out.
 */
export function describeParticipantResult(
  snapshot: CampaignSnapshot,
  results: ParticipationResults,
  answers: { challengeId: string; result: AnswerResult; value?: string }[],
): ResultCompetence[] {
  const challenges = new Map(snapshot.challenges.map((challenge) => [challenge.id, challenge]));
  const byCompetence = new Map<string, ResultQuestion[]>();
  for (const answer of answers) {
    const challenge = challenges.get(answer.challengeId);
    if (!challenge) continue;
    const list = byCompetence.get(challenge.competenceId) ?? [];
    const hasFields = challenge.type === "QROCM" && answer.result !== "SKIPPED" && answer.value !== undefined;
    list.push({
      challengeId: challenge.id,
      statement: challenge.statement,
      result: answer.result,
      ...(hasFields
        ? {
            fields: checkFields(challenge, readFieldsAnswer(answer.value ?? "")).map((field) => ({
              label: field.label,
              given: field.given,
              expected: field.accepted[0] ?? "",
              isRight: field.isRight,
            })),
          }
        : {}),
    });
    byCompetence.set(challenge.competenceId, list);
  }
  const order = new Map(snapshot.competences.map((competence, index) => [competence.id, index]));
  return [...results.competences]
    .sort((a, b) => (order.get(a.competenceId) ?? 0) - (order.get(b.competenceId) ?? 0))
    .map((competence) => ({
      competenceId: competence.competenceId,
      name: competence.name,
      levelReached: competence.levelReached,
      maxLevel: competence.maxLevel,
      masteryRate: competence.masteryRate,
      questions: byCompetence.get(competence.competenceId) ?? [],
    }));
}
