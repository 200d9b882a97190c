import type { ChallengeSnapshot, CampaignSnapshot } from "@/features/parcours/types";
import type { AnswerRecord, Progress } from "../types";

/**
 * The adaptive choice. Per competence the student's level is bracketed between `floor` (highest
 * level answered right) and `ceiling` (lowest level answered wrong or skipped). The first
 * question sits in the middle of the levels the campaign offers; a success moves up, a failure
 * moves down, and only questions strictly inside the bracket can still be asked. A competence
 * stops once nothing is left inside its bracket: its level is pinned or its questions ran out.
 * Everything depends only on the snapshot and the ordered answers, so the same answers always
 * give the same sequence — resuming is just recomputing.
 */

export type CompetenceState = {
  competenceId: string;
  floor: number;
  ceiling: number;
  /** The level to aim at next. */
  target: number;
  answeredCount: number;
  /** Unanswered questions strictly between floor and ceiling, in snapshot order. */
  candidates: ChallengeSnapshot[];
  isDone: boolean;
};

/** The lower median of the levels offered: "start in the middle" of what this parcours covers. */
function startLevel(pool: ChallengeSnapshot[]): number {
  const levels = [...new Set(pool.map((challenge) => challenge.level))].sort((a, b) => a - b);
  return levels[Math.floor((levels.length - 1) / 2)] ?? 1;
}

export function computeCompetenceStates(snapshot: CampaignSnapshot, answers: AnswerRecord[]): CompetenceState[] {
  const challengesById = new Map(snapshot.challenges.map((challenge) => [challenge.id, challenge]));
  const answeredIds = new Set(answers.map((answer) => answer.challengeId));

  return snapshot.competences.map((competence) => {
    const pool = snapshot.challenges.filter((challenge) => challenge.competenceId === competence.id);
    let floor = 0;
    let ceiling = 7;
    let target = startLevel(pool);
    let answeredCount = 0;
    for (const answer of answers) {
      const challenge = challengesById.get(answer.challengeId);
      if (!challenge || challenge.competenceId !== competence.id) continue;
      answeredCount += 1;
      if (answer.result === "OK") {
        floor = Math.max(floor, challenge.level);
        target = challenge.level + 1;
      } else {
        ceiling = Math.min(ceiling, challenge.level);
        target = challenge.level - 1;
      }
    }
    const candidates = pool.filter(
      (challenge) => !answeredIds.has(challenge.id) && challenge.level > floor && challenge.level < ceiling,
    );
    return { competenceId: competence.id, floor, ceiling, target, answeredCount, candidates, isDone: candidates.length === 0 };
  });
}

/** Closest level to the target; on a tie the easier one; then snapshot order. */
function pickCandidate(state: CompetenceState): ChallengeSnapshot | null {
  let best: ChallengeSnapshot | null = null;
  for (const challenge of state.candidates) {
    if (best === null) {
      best = challenge;
      continue;
    }
    const distance = Math.abs(challenge.level - state.target);
    const bestDistance = Math.abs(best.level - state.target);
    if (distance < bestDistance || (distance === bestDistance && challenge.level < best.level)) best = challenge;
  }
  return best;
}

/**
 * The next question, or null when the campaign is finished. Competences take turns: the one with
 * the fewest answers goes next (ties in snapshot order), so a student who stops halfway has seen
 * every competence.
 */
export function chooseNextChallenge(snapshot: CampaignSnapshot, answers: AnswerRecord[]): ChallengeSnapshot | null {
  let next: CompetenceState | null = null;
  for (const state of computeCompetenceStates(snapshot, answers)) {
    if (state.isDone) continue;
    if (next === null || state.answeredCount < next.answeredCount) next = state;
  }
  return next ? pickCandidate(next) : null;
}

function distinctLevels(challenges: ChallengeSnapshot[]): number {
  return new Set(challenges.map((challenge) => challenge.level)).size;
}

/**
 * "Question N sur environ T". A competence not started yet usually takes its first question plus
 * about half of the remaining levels; one in progress about half of the levels left in its
 * bracket. It is an estimate: the adaptive path decides.
 */
export function estimateProgress(snapshot: CampaignSnapshot, answers: AnswerRecord[]): Progress {
  const answeredCount = answers.length;
  let remaining = 0;
  for (const state of computeCompetenceStates(snapshot, answers)) {
    if (state.isDone) continue;
    const levels = distinctLevels(state.candidates);
    remaining += state.answeredCount === 0 ? 1 + Math.ceil((levels - 1) / 2) : Math.max(1, Math.ceil(levels / 2));
  }
  const isFinished = remaining === 0;
  return {
    answeredCount,
    estimatedTotal: Math.max(answeredCount + remaining, isFinished ? answeredCount : answeredCount + 1),
  };
}
