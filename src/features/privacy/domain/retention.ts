import type { RetentionRule } from "../inventory";

/**
 * The instant before which a record has outlived `rule` at `now`: `months` calendar months (UTC)
 * and `days` days earlier. A month later than the day exists (31 May − 3 months) lands on the
 * last day of that month (28/29 February), never spills into the next one.
 */
export function retentionCutoff(now: Date, rule: Pick<RetentionRule, "months" | "days">): Date {
  return shift(now, -(rule.months ?? 0), -(rule.days ?? 0));
}

/** When a record made at `from` reaches the end of `rule` (shown to people: "effacé le …"). */
export function retentionEnd(from: Date, rule: Pick<RetentionRule, "months" | "days">): Date {
  return shift(from, rule.months ?? 0, rule.days ?? 0);
}

function shift(now: Date, months: number, days: number): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = new Date(
    Date.UTC(
      year,
      month,
      Math.min(now.getUTCDate(), lastDay),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  );
  return new Date(shifted.getTime() + days * 24 * 60 * 60 * 1000);
}
