/** One participant's shared results, as rates in [0, 1]. */
export type ParticipantResults = {
  masteryRate: number | null;
  competenceRates: Record<string, number | undefined>;
};

export type ResultAverages = {
  /** How many participants the averages are computed on. */
  count: number;
  masteryRate: number | null;
  competenceRates: Record<string, number | null>;
};

function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Class averages: each figure is averaged over the participants who have it, so a competence
 * nobody was assessed on stays empty instead of dragging the average to 0.
 */
export function averageResults(rows: ParticipantResults[], competenceIds: string[]): ResultAverages {
  const competenceRates: Record<string, number | null> = {};
  for (const id of competenceIds) {
    competenceRates[id] = mean(
      rows.flatMap((row) => (typeof row.competenceRates[id] === "number" ? [row.competenceRates[id]] : [])),
    );
  }
  return {
    count: rows.length,
    masteryRate: mean(rows.flatMap((row) => (row.masteryRate === null ? [] : [row.masteryRate]))),
    competenceRates,
  };
}

/** 0.756 → 76. Null stays null so the UI can print "—". */
export function toPercent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return null;
  return Math.round(Math.min(1, Math.max(0, rate)) * 100);
}
