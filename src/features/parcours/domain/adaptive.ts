import type { AnswerRecord, ChallengeSnapshot, CampaignSnapshot, Progress } from "../types";
import { drawVariant, groupSkills, type Skill } from "./variants";

/**
 * The adaptive choice, on skills (acquis): a skill is one level of one tube of a competence and
 * holds 2–3 equivalent variants; which variant a participation sees is drawn in `variants.ts`.
 * Per competence the student's level is bracketed between `floor` (highest level answered right)
 * and `ceiling` (lowest level answered wrong or skipped). The first question sits in the middle
 * of the levels the campaign offers — or, when the student's profile knows the competence
 * (`startLevels`, frozen on the participation when it starts, `profile.ts`), at the offered level
 * nearest the known one, so what is already known costs fewer questions; a success moves up, a
 * failure moves down, and only skills
 * strictly inside the bracket can still be asked. A competence stops once nothing is left inside
 * its bracket: its level is pinned or its skills ran out. Everything depends only on the
 * snapshot, the ordered answers and the participation id, so resuming is just recomputing.
 */

/** Levels run 1–8: the bracket starts just outside them. */
const TOP_CEILING = 9;

export type CompetenceState = {
  competenceId: string;
  floor: number;
  ceiling: number;
  /** The level to aim at next. */
  target: number;
  answeredCount: number;
  /** Whether the last answer in this competence was right; null before the first one. */
  lastWasSuccess: boolean | null;
  /** Unanswered skills strictly between floor and ceiling, in snapshot order. */
  candidates: Skill[];
  isDone: boolean;
};

/**
 * Where a competence starts. Unknown: the lower median of the levels offered ("start in the
 * middle" of what this parcours covers). Known: the offered level nearest the known one (the
 * easier on a tie); a known 0 starts at the easiest.
 */
export function startLevel(pool: Skill[], knownLevel?: number): number {
  const levels = [...new Set(pool.map((skill) => skill.level))].sort((a, b) => a - b);
  if (knownLevel === undefined) return levels[Math.floor((levels.length - 1) / 2)] ?? 1;
  let best = levels[0] ?? 1;
  for (const level of levels) if (Math.abs(level - knownLevel) < Math.abs(best - knownLevel)) best = level;
  return best;
}

/** Known level per competence id a participation starts from; absent or empty: no profile. */
export type StartLevels = Readonly<Record<string, number>>;

/**
 * `participations.start_levels` as stored (JSONB, `{}` by default) → the start levels every
 * computation of the walk takes — the runner's and Orga's alike, so both replay the same path.
 * Anything but a finite number for a competence is no known level (never a crash on a row).
 */
export function readStartLevels(stored: unknown): StartLevels {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  const levels: Record<string, number> = {};
  for (const [competenceId, level] of Object.entries(stored)) {
    if (typeof level === "number" && Number.isFinite(level)) levels[competenceId] = level;
  }
  return levels;
}

export function computeCompetenceStates(
  snapshot: CampaignSnapshot,
  answers: AnswerRecord[],
  startLevels: StartLevels = {},
): CompetenceState[] {
  const skills = groupSkills(snapshot.challenges);
  const skillOfChallenge = new Map(
    skills.flatMap((skill) => skill.variants.map((variant) => [variant.id, skill] as const)),
  );
  const answeredSkills = new Set(answers.flatMap((answer) => skillOfChallenge.get(answer.challengeId)?.skill ?? []));

  return snapshot.competences.map((competence) => {
    const pool = skills.filter((skill) => skill.competenceId === competence.id);
    let floor = 0;
    let ceiling = TOP_CEILING;
    let target = startLevel(pool, startLevels[competence.id]);
    let answeredCount = 0;
    let lastWasSuccess: boolean | null = null;
    for (const answer of answers) {
      const skill = skillOfChallenge.get(answer.challengeId);
      if (!skill || skill.competenceId !== competence.id) continue;
      answeredCount += 1;
      lastWasSuccess = answer.result === "OK";
      if (lastWasSuccess) {
        floor = Math.max(floor, skill.level);
        target = skill.level + 1;
      } else {
        ceiling = Math.min(ceiling, skill.level);
        target = skill.level - 1;
      }
    }
    const candidates = pool.filter(
      (skill) => !answeredSkills.has(skill.skill) && skill.level > floor && skill.level < ceiling,
    );
    return {
      competenceId: competence.id,
      floor,
      ceiling,
      target,
      answeredCount,
      lastWasSuccess,
      candidates,
      isDone: candidates.length === 0,
    };
  });
}

/** Closest level to the target; on a tie the easier one; then snapshot order. */
function pickCandidate(state: CompetenceState): Skill | null {
  let best: Skill | null = null;
  for (const skill of state.candidates) {
    if (best === null) {
      best = skill;
      continue;
    }
    const distance = Math.abs(skill.level - state.target);
    const bestDistance = Math.abs(best.level - state.target);
    if (distance < bestDistance || (distance === bestDistance && skill.level < best.level)) best = skill;
  }
  return best;
}

/**
 * The next question, or null when the campaign is finished. Competences take turns: the one with
 * the fewest answers goes next (ties in snapshot order), so a student who stops halfway has seen
 * every competence. The question is this participation's variant of the chosen skill.
 */
export function chooseNextChallenge(
  snapshot: CampaignSnapshot,
  answers: AnswerRecord[],
  participationId: number,
  startLevels: StartLevels = {},
): ChallengeSnapshot | null {
  let next: CompetenceState | null = null;
  for (const state of computeCompetenceStates(snapshot, answers, startLevels)) {
    if (state.isDone) continue;
    if (next === null || state.answeredCount < next.answeredCount) next = state;
  }
  const skill = next ? pickCandidate(next) : null;
  return skill ? drawVariant(skill, participationId) : null;
}

/**
 * For the estimate only: students of the age answer about 60 % of questions at their level right.
 * Checked by simulation on the real parcours: the estimate at the start lands within a question
 * or two of the average length.
 */
const ASSUMED_SUCCESS_RATE = 0.6;

/** Expected questions along a one-way ladder of `steps` levels: each next one only after a success. */
function expectedClimb(steps: number, successRate: number): number {
  let expected = 0;
  for (let step = 0; step < steps; step++) expected += successRate ** step;
  return expected;
}

function sortedLevels(skills: Skill[]): number[] {
  return [...new Set(skills.map((skill) => skill.level))].sort((a, b) => a - b);
}

function expectedRemaining(state: CompetenceState): number {
  if (state.isDone) return 0;
  const levels = sortedLevels(state.candidates);
  if (state.lastWasSuccess === null) {
    // The first question, then up after a success or down after a failure.
    const start =
      levels.indexOf(state.target) === -1 ? Math.floor((levels.length - 1) / 2) : levels.indexOf(state.target);
    const above = levels.length - 1 - start;
    return (
      1 +
      ASSUMED_SUCCESS_RATE * expectedClimb(above, ASSUMED_SUCCESS_RATE) +
      (1 - ASSUMED_SUCCESS_RATE) * expectedClimb(start, 1 - ASSUMED_SUCCESS_RATE)
    );
  }
  // Every candidate lies on one side now: above after a success, below after a failure.
  return expectedClimb(levels.length, state.lastWasSuccess ? ASSUMED_SUCCESS_RATE : 1 - ASSUMED_SUCCESS_RATE);
}

/**
 * "Question N sur environ T": the answers given plus the expected length of what is left. It is
 * an estimate — the adaptive path decides — that never falls below the current question, and
 * never grows: once a student read "sur environ 14", the total only moves up with the questions
 * actually added past it (14 → 15 when the 15th comes), never jumps to 18. Replayed over the
 * answers given, so that it is the same on every reload and every instance.
 */
export function estimateProgress(
  snapshot: CampaignSnapshot,
  answers: AnswerRecord[],
  startLevels: StartLevels = {},
): Progress {
  const answeredCount = answers.length;
  let shown = rawEstimate(snapshot, [], startLevels).estimatedTotal;
  for (let given = 1; given <= answeredCount; given += 1) {
    const raw = rawEstimate(snapshot, answers.slice(0, given), startLevels);
    if (raw.isFinished && given === answeredCount) return { answeredCount, estimatedTotal: answeredCount };
    shown = Math.max(given + 1, Math.min(shown, raw.estimatedTotal));
  }
  if (answeredCount === 0 && rawEstimate(snapshot, [], startLevels).isFinished)
    return { answeredCount, estimatedTotal: 0 };
  return { answeredCount, estimatedTotal: Math.max(answeredCount + 1, shown) };
}

function rawEstimate(
  snapshot: CampaignSnapshot,
  answers: AnswerRecord[],
  startLevels: StartLevels,
): { estimatedTotal: number; isFinished: boolean } {
  const answeredCount = answers.length;
  const states = computeCompetenceStates(snapshot, answers, startLevels);
  const isFinished = states.every((state) => state.isDone);
  const remaining = Math.round(states.reduce((sum, state) => sum + expectedRemaining(state), 0));
  return {
    isFinished,
    estimatedTotal: isFinished ? answeredCount : Math.max(answeredCount + 1, answeredCount + remaining),
  };
}

/**
 * How full the runner's progress bar is, 0–100: the answers given over "sur environ T", T never
 * below the current question (the bar and its label read the same total).
 */
export function toProgressPercent({ answeredCount, estimatedTotal }: Progress): number {
  return Math.round((answeredCount / Math.max(answeredCount + 1, estimatedTotal)) * 100);
}

/**
 * A participation's progress as staff see it, 0–100: 100 once finished (TO_SHARE or SHARED); a
 * started one shows what the runner's bar shows the student (the same estimate from the same
 * answers and the participation's start levels), never 100, which means "finished".
 */
export function progressPercent(
  snapshot: CampaignSnapshot,
  status: "STARTED" | "TO_SHARE" | "SHARED",
  answers: AnswerRecord[],
  startLevels: StartLevels,
): number {
  if (status !== "STARTED") return 100;
  return Math.min(99, toProgressPercent(estimateProgress(snapshot, answers, startLevels)));
}
