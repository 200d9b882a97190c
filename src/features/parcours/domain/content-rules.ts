import type { ContentChallenge, ContentFramework, ContentParcours } from "../schema";
import type { ChallengeSnapshot, Content, Parcours } from "../types";
import { normalizeTypedAnswer } from "./answer-check";

export type ContentIssue = { path: string; message: string };

/**
 * The adaptive runner moves a student up or down between levels of a competence: with fewer
 * questions or a single level it could not tell anything apart.
 */
export const MIN_QUESTIONS_PER_COMPETENCE = 3;
export const MIN_LEVELS_PER_COMPETENCE = 3;

/**
 * A skill offers 2 or 3 equivalent variants (variants.ts draws one per participation): with a
 * single one, every student of a class would get the same question.
 */
export const MIN_VARIANTS_PER_SKILL = 2;
export const MAX_VARIANTS_PER_SKILL = 3;

/** Descriptions end with "Questions de niveau 1 à 4.": teachers choose a parcours on it. */
const DESCRIPTION_LEVELS = /niveau (\d) à (\d)/;

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

function checkAnswerKey(challenge: ContentChallenge, path: string, issues: ContentIssue[]): void {
  const proposalIds = challenge.proposals.map((proposal) => proposal.id);
  for (const id of duplicates(proposalIds)) issues.push({ path, message: `proposal id "${id}" is repeated` });
  for (const label of duplicates(challenge.proposals.map((proposal) => proposal.label))) {
    issues.push({ path, message: `proposal "${label}" is repeated` });
  }
  const unknown = challenge.answerKey.filter((id) => !proposalIds.includes(id));
  if (challenge.type !== "QROCM" && challenge.answerKey.length === 0)
    issues.push({ path, message: "the answer key is empty" });
  if (challenge.type !== "QROCM" && challenge.proposals.some((proposal) => proposal.answers !== undefined))
    issues.push({ path, message: "only a QROCM's fields have accepted answers" });
  if (challenge.type !== "QCU_IMAGE" && challenge.proposals.some((proposal) => proposal.image !== undefined))
    issues.push({ path, message: "only a QCU_IMAGE's proposals have images" });

  switch (challenge.type) {
    case "QCU":
      if (challenge.proposals.length < 3) issues.push({ path, message: "a QCU needs at least 3 proposals" });
      if (challenge.answerKey.length !== 1) issues.push({ path, message: "a QCU has exactly one right proposal" });
      if (unknown.length > 0)
        issues.push({ path, message: `answer key refers to unknown proposals: ${unknown.join(", ")}` });
      break;
    case "QCM":
      if (challenge.proposals.length < 3) issues.push({ path, message: "a QCM needs at least 3 proposals" });
      if (challenge.answerKey.length < 2)
        issues.push({ path, message: "a QCM has at least two right proposals (else it is a QCU)" });
      if (challenge.answerKey.length >= challenge.proposals.length) {
        issues.push({ path, message: "a QCM needs at least one wrong proposal" });
      }
      if (duplicates(challenge.answerKey).length > 0) issues.push({ path, message: "answer key repeats a proposal" });
      if (unknown.length > 0)
        issues.push({ path, message: `answer key refers to unknown proposals: ${unknown.join(", ")}` });
      break;
    case "QCU_IMAGE":
      if (challenge.proposals.length < 3) issues.push({ path, message: "a QCU_IMAGE needs at least 3 proposals" });
      if (challenge.answerKey.length !== 1)
        issues.push({ path, message: "a QCU_IMAGE has exactly one right proposal" });
      if (unknown.length > 0)
        issues.push({ path, message: `answer key refers to unknown proposals: ${unknown.join(", ")}` });
      for (const proposal of challenge.proposals) {
        if (proposal.image === undefined) issues.push({ path, message: `proposal ${proposal.id} has no image` });
        // The label is the image's text alternative: a screen-reader user chooses on it alone.
        if (proposal.label.trim().length < 10)
          issues.push({ path, message: `proposal ${proposal.id}: the text alternative is too short` });
      }
      for (const image of duplicates(challenge.proposals.flatMap((proposal) => proposal.image ?? [])))
        issues.push({ path, message: `image ${image} is used twice` });
      break;
    case "QROCM":
      if (challenge.proposals.length < 2) issues.push({ path, message: "a QROCM has at least two fields" });
      if (challenge.answerKey.length > 0)
        issues.push({ path, message: "a QROCM keeps its accepted answers on each field, not in answerKey" });
      for (const field of challenge.proposals) {
        if (!field.answers) {
          issues.push({ path, message: `field ${field.id} has no accepted answer` });
          continue;
        }
        const normalized = field.answers.map(normalizeTypedAnswer);
        for (const [index, value] of normalized.entries()) {
          if (value === "")
            issues.push({ path, message: `field ${field.id}: "${field.answers[index]}" is empty once normalised` });
        }
        for (const value of duplicates(normalized.filter((value) => value !== "")))
          issues.push({ path, message: `field ${field.id}: accepted answer "${value}" repeated once normalised` });
      }
      break;
    case "QROC":
      if (challenge.proposals.length > 0) issues.push({ path, message: "a QROC has no proposals" });
      for (const variant of challenge.answerKey) {
        if (normalizeTypedAnswer(variant) === "")
          issues.push({ path, message: `variant "${variant}" is empty once normalised` });
      }
      break;
  }
}

/**
 * A skill `@tubeN` sits at level N, and its variants are interchangeable: same competence, same
 * level (both follow from the skill), never the same statement.
 */
function checkSkills(challenges: ContentChallenge[], issues: ContentIssue[]): void {
  const bySkill = new Map<string, ContentChallenge[]>();
  for (const challenge of challenges) {
    const path = `challenges.${challenge.id}`;
    if (!challenge.skill.endsWith(String(challenge.level)))
      issues.push({ path, message: `skill ${challenge.skill} does not end with the level ${challenge.level}` });
    bySkill.set(challenge.skill, [...(bySkill.get(challenge.skill) ?? []), challenge]);
  }
  for (const [skill, variants] of bySkill) {
    const path = `skills.${skill}`;
    if (variants.length < MIN_VARIANTS_PER_SKILL || variants.length > MAX_VARIANTS_PER_SKILL) {
      issues.push({
        path,
        message: `${variants.length} variants (${MIN_VARIANTS_PER_SKILL} to ${MAX_VARIANTS_PER_SKILL} needed)`,
      });
    }
    if (new Set(variants.map((variant) => variant.competenceId)).size > 1)
      issues.push({ path, message: "variants assess different competences" });
  }
  for (const statement of duplicates(challenges.map((challenge) => challenge.statement.trim()))) {
    issues.push({ path: "challenges", message: `statement repeated: "${statement.slice(0, 60)}…"` });
  }
}

function toSnapshot(challenge: ContentChallenge): ChallengeSnapshot {
  return {
    id: challenge.id,
    competenceId: challenge.competenceId,
    skill: challenge.skill,
    level: challenge.level,
    type: challenge.type,
    statement: challenge.statement,
    proposals: challenge.proposals.map((proposal) =>
      proposal.image
        ? { id: proposal.id, label: proposal.label, imageUrl: proposal.image }
        : { id: proposal.id, label: proposal.label },
    ),
    answerKey: challenge.answerKey,
    ...(challenge.type === "QROCM"
      ? { fieldAnswers: Object.fromEntries(challenge.proposals.map((field) => [field.id, field.answers ?? []])) }
      : {}),
    explanation: challenge.explanation,
    furtherReading: challenge.furtherReading ?? null,
    illustrationUrl: challenge.illustration?.url ?? null,
    illustrationAlt: challenge.illustration?.alt ?? null,
  };
}

/**
 * Checks the rules that span records and resolves the content into its runtime form. Every
 * issue is collected, so an author fixes the whole file in one go.
 */
export function checkContent(input: {
  framework: ContentFramework;
  challenges: ContentChallenge[];
  parcours: ContentParcours[];
}): { content: Content; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const { areas, competences } = input.framework;

  for (const code of duplicates(areas.map((area) => area.code)))
    issues.push({ path: `areas.${code}`, message: "area code is repeated" });
  for (const id of duplicates(competences.map((competence) => competence.id))) {
    issues.push({ path: `competences.${id}`, message: "competence id is repeated" });
  }
  const areaCodes = new Set(areas.map((area) => area.code));
  for (const competence of competences) {
    if (!areaCodes.has(competence.areaCode))
      issues.push({ path: `competences.${competence.id}`, message: "unknown area" });
    if (!competence.id.startsWith(`${competence.areaCode}.`)) {
      issues.push({ path: `competences.${competence.id}`, message: "competence id does not start with its area code" });
    }
  }
  const competenceIds = new Set(competences.map((competence) => competence.id));

  for (const id of duplicates(input.challenges.map((challenge) => challenge.id))) {
    issues.push({ path: `challenges.${id}`, message: "challenge id is repeated" });
  }
  for (const challenge of input.challenges) {
    const path = `challenges.${challenge.id}`;
    if (!competenceIds.has(challenge.competenceId))
      issues.push({ path, message: `unknown competence ${challenge.competenceId}` });
    if (!challenge.id.startsWith(`${challenge.competenceId}-`)) {
      issues.push({ path, message: "challenge id does not start with its competence id" });
    }
    checkAnswerKey(challenge, path, issues);
  }
  checkSkills(input.challenges, issues);
  const challengesById = new Map(input.challenges.map((challenge) => [challenge.id, challenge]));

  const parcours: Parcours[] = [];
  for (const id of duplicates(input.parcours.map((item) => item.id)))
    issues.push({ path: `parcours.${id}`, message: "parcours id is repeated" });
  for (const item of input.parcours) {
    const path = `parcours.${item.id}`;
    const selector = item.challengeIds;
    const challengeIds =
      selector === "all"
        ? input.challenges.map((challenge) => challenge.id)
        : Array.isArray(selector)
          ? selector
          : input.challenges
              .filter(
                (challenge) =>
                  item.competenceIds.includes(challenge.competenceId) &&
                  challenge.level >= selector.fromLevel &&
                  challenge.level <= selector.toLevel,
              )
              .map((challenge) => challenge.id);
    for (const id of duplicates(challengeIds)) issues.push({ path, message: `question ${id} is listed twice` });
    for (const id of duplicates(item.competenceIds)) issues.push({ path, message: `competence ${id} is listed twice` });
    for (const id of item.competenceIds)
      if (!competenceIds.has(id)) issues.push({ path, message: `unknown competence ${id}` });

    const listed = challengeIds.flatMap((id) => {
      const challenge = challengesById.get(id);
      if (!challenge) issues.push({ path, message: `unknown question ${id}` });
      return challenge ? [challenge] : [];
    });
    for (const challenge of listed) {
      if (!item.competenceIds.includes(challenge.competenceId)) {
        issues.push({
          path,
          message: `question ${challenge.id} assesses ${challenge.competenceId}, which the parcours does not declare`,
        });
      }
    }
    for (const competenceId of item.competenceIds) {
      const questions = listed.filter((challenge) => challenge.competenceId === competenceId);
      const levels = new Set(questions.map((challenge) => challenge.level));
      if (questions.length < MIN_QUESTIONS_PER_COMPETENCE || levels.size < MIN_LEVELS_PER_COMPETENCE) {
        issues.push({
          path,
          message: `competence ${competenceId} has ${questions.length} questions on ${levels.size} levels (at least ${MIN_QUESTIONS_PER_COMPETENCE} on ${MIN_LEVELS_PER_COMPETENCE} levels needed)`,
        });
      }
    }
    for (const competenceId of Object.keys(item.targetLevels)) {
      if (!item.competenceIds.includes(competenceId))
        issues.push({ path, message: `target level for ${competenceId}, which the parcours does not declare` });
    }
    for (const competenceId of item.competenceIds) {
      const target = item.targetLevels[competenceId];
      const levels = listed.filter((challenge) => challenge.competenceId === competenceId).map((c) => c.level);
      if (target === undefined) issues.push({ path, message: `no target level for ${competenceId}` });
      else if (levels.length > 0 && (target < Math.min(...levels) || target > Math.max(...levels))) {
        issues.push({
          path,
          message: `target level ${target} for ${competenceId} is outside the levels its questions cover (${Math.min(...levels)} to ${Math.max(...levels)})`,
        });
      }
    }
    const announced = DESCRIPTION_LEVELS.exec(item.description);
    if (!announced) {
      issues.push({ path, message: 'the description must end with the levels it covers ("… de niveau 1 à 4.")' });
    } else if (listed.length > 0) {
      const levels = listed.map((challenge) => challenge.level);
      const [min, max] = [Math.min(...levels), Math.max(...levels)];
      if (Number(announced[1]) !== min || Number(announced[2]) !== max) {
        issues.push({
          path,
          message: `the description announces levels ${announced[1]} to ${announced[2]}, the questions span ${min} to ${max}`,
        });
      }
    }
    parcours.push({
      id: item.id,
      name: item.name,
      description: item.description,
      durationMinutes: item.durationMinutes,
      competenceIds: item.competenceIds,
      targetLevels: item.targetLevels,
      challengeIds,
    });
  }

  return {
    content: { areas, competences, challenges: input.challenges.map(toSnapshot), parcours },
    issues,
  };
}
