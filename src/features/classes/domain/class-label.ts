import { compareFrench } from "@/messages/fr/format";

/**
 * Classes are SIECLE divisions ("6E A", "4E B", "2NDE 3", "TLE G1"). Staff expect them in
 * school order — 6e to 3e, then 2nde, 1re, terminale — not alphabetically ("3E" before "6E").
 */
function gradeRank(label: string): number {
  const upper = label.trim().toUpperCase();
  const collegeOrSeconde = /^([2-6])/.exec(upper);
  if (collegeOrSeconde) {
    const year = Number(collegeOrSeconde[1]);
    // 6e → 0 … 3e → 3, then 2nde → 4.
    return 6 - year;
  }
  if (/^(1|PREM)/.test(upper)) return 5;
  if (/^T/.test(upper)) return 6;
  return 7;
}

export function compareDivisions(a: string, b: string): number {
  return gradeRank(a) - gradeRank(b) || compareFrench(a, b);
}

export function sortDivisions(divisions: Iterable<string>): string[] {
  return [...new Set(divisions)].sort(compareDivisions);
}
