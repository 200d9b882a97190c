import type { CompetenceResult } from "../types";

/**
 * The student's profile (*Mon profil*): the level reached per competence, carried from campaign to
 * campaign. A result counts while it is **recent**: completed less than `PROFILE_RECENCY_MONTHS`
 * months ago — a school year and a summer, so what was shown last spring still counts at the
 * rentrée, and a level from two years back (a child of 11 against one of 13) no longer does.
 * Among recent results, the best level per competence wins (a bad day does not erase a level
 * shown before); on equal levels the most recent one is kept, for its date.
 */
export const PROFILE_RECENCY_MONTHS = 12;

const MAX_LEVEL = 8;

/** One completed participation's results, as the profile reads them. */
export type CompletedResult = {
  completedAt: Date;
  competences: Pick<CompetenceResult, "competenceId" | "name" | "areaCode" | "levelReached">[];
};

export type KnownLevel = {
  competenceId: string;
  name: string;
  areaCode: string;
  /** 0–8: the best level reached in a recent campaign (0: assessed, no level reached). */
  level: number;
  /** When the campaign that showed it was completed. */
  measuredAt: Date;
};

/** The first instant a result still counts at `now`: the same day and time, 12 months earlier. */
export function recencyCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setMonth(cutoff.getMonth() - PROFILE_RECENCY_MONTHS);
  return cutoff;
}

export function isRecent(completedAt: Date, now: Date): boolean {
  return completedAt >= recencyCutoff(now) && completedAt <= now;
}

const byCompetenceId = (a: { competenceId: string }, b: { competenceId: string }) =>
  a.competenceId.localeCompare(b.competenceId, "en", { numeric: true });

/** The best recent level per competence, in competence id order. */
export function computeProfile(results: readonly CompletedResult[], now: Date): KnownLevel[] {
  const best = new Map<string, KnownLevel>();
  for (const result of results) {
    if (!isRecent(result.completedAt, now)) continue;
    for (const competence of result.competences) {
      const current = best.get(competence.competenceId);
      const isBetter =
        !current ||
        competence.levelReached > current.level ||
        (competence.levelReached === current.level && result.completedAt > current.measuredAt);
      if (isBetter)
        best.set(competence.competenceId, {
          competenceId: competence.competenceId,
          name: competence.name,
          areaCode: competence.areaCode,
          level: competence.levelReached,
          measuredAt: result.completedAt,
        });
    }
  }
  return [...best.values()].sort(byCompetenceId);
}

export type NextStep = { competenceId: string; name: string; currentLevel: number; nextLevel: number };

/**
 * What to work on next: the competences below the top level, lowest level first (the biggest
 * gain), each with the level to aim at — the next one. At most `limit` of them; ties in
 * competence order.
 */
export function suggestNextSteps(profile: readonly KnownLevel[], limit = 3): NextStep[] {
  return profile
    .filter((known) => known.level < MAX_LEVEL)
    .sort((a, b) => a.level - b.level || byCompetenceId(a, b))
    .slice(0, limit)
    .map((known) => ({
      competenceId: known.competenceId,
      name: known.name,
      currentLevel: known.level,
      nextLevel: known.level + 1,
    }));
}

/** The levels a new participation starts from, per competence id (what `adaptive.ts` reads). */
export function startLevelsFromProfile(
  profile: readonly KnownLevel[],
  competenceIds: readonly string[],
): Record<string, number> {
  const wanted = new Set(competenceIds);
  return Object.fromEntries(
    profile.filter((known) => wanted.has(known.competenceId)).map((known) => [known.competenceId, known.level]),
  );
}
