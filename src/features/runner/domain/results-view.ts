import type { CampaignSnapshot, ParticipationResults } from "@/features/parcours/types";
import type { MissedQuestion } from "../types";
import { checkFields, readFieldsAnswer } from "@/features/parcours/domain/answer-check";

/**
 * The missed questions with their right answers and explanations, from the frozen results and
 * the campaign's own snapshot (the bank may have changed since).
 */
export function describeMissedQuestions(
  snapshot: CampaignSnapshot,
  results: ParticipationResults,
  answers: { challengeId: string; result: string; value: string }[],
): MissedQuestion[] {
  const byId = new Map(snapshot.challenges.map((challenge) => [challenge.id, challenge]));
  const competenceNames = new Map(snapshot.competences.map((competence) => [competence.id, competence.name]));
  const answerById = new Map(answers.map((answer) => [answer.challengeId, answer]));

  return results.missedChallengeIds.flatMap((challengeId) => {
    const challenge = byId.get(challengeId);
    if (!challenge) return [];
    const answer = answerById.get(challengeId);
    const wasSkipped = answer?.result === "SKIPPED";
    const label = (id: string) => challenge.proposals.find((proposal) => proposal.id === id)?.label ?? id;
    const isTyped = challenge.type === "QROC" || challenge.type === "QROCM";
    const fields =
      challenge.type === "QROCM"
        ? checkFields(challenge, wasSkipped || !answer?.value ? {} : readFieldsAnswer(answer.value)).map((field) => ({
            label: field.label,
            given: field.given,
            expected: field.accepted[0] ?? "",
            isRight: field.isRight,
          }))
        : null;
    const givenAnswer =
      wasSkipped || !answer?.value
        ? []
        : fields
          ? fields.map((field) => `${field.label}\u00a0: ${field.given}`)
          : isTyped
            ? [answer.value]
            : answer.value.split(",").map(label);
    return [
      {
        challengeId,
        competenceName: competenceNames.get(challenge.competenceId) ?? challenge.competenceId,
        statement: challenge.statement,
        wasSkipped,
        givenAnswer,
        rightAnswer: fields
          ? fields.map((field) => `${field.label}\u00a0: ${field.expected}`)
          : isTyped
            ? challenge.answerKey.slice(0, 1)
            : challenge.answerKey.map(label),
        isTyped,
        fields,
        explanation: challenge.explanation,
        furtherReading: challenge.furtherReading ?? null,
      },
    ];
  });
}
