import type { ChallengeSnapshot } from "../types";

/**
 * Skills and their variants. A skill (`@tubeN`: tube `@tube`, level N) is what is assessed; its
 * variants are equivalent questions (same competence and level, other statement or data). A
 * participation sees exactly one variant per skill, drawn from its id, so that a resumed
 * participation shows the same question and classmates mostly see different ones.
 */

export type Skill = {
  skill: string;
  competenceId: string;
  level: number;
  /** In snapshot order. */
  variants: ChallengeSnapshot[];
};

/** The snapshot's skills in the order of their first variant. */
export function groupSkills(challenges: ChallengeSnapshot[]): Skill[] {
  const bySkill = new Map<string, Skill>();
  for (const challenge of challenges) {
    const skill = bySkill.get(challenge.skill);
    if (skill) skill.variants.push(challenge);
    else
      bySkill.set(challenge.skill, {
        skill: challenge.skill,
        competenceId: challenge.competenceId,
        level: challenge.level,
        variants: [challenge],
      });
  }
  return [...bySkill.values()];
}

/** FNV-1a, 32 bits: a stable, well-spread hash of short strings (not a secret, just a spread). */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/**
 * Which variant of the skill this participation gets. Participation ids are consecutive in the
 * order students join, and a class joins together: ids are cut into blocks of n (n = the number
 * of variants) and, inside a block, consecutive ids take the n variants in turn from an offset
 * hashed from the skill and the block. So students who join one after the other never share a
 * variant of a skill, each variant is drawn equally often, and the offset changing from block to
 * block keeps ids n apart from seeing the same set of questions. Deterministic: no state, no
 * randomness, the same on every instance and every reload.
 */
export function variantIndex(skill: string, variantCount: number, participationId: number): number {
  if (variantCount <= 1) return 0;
  const block = Math.floor(participationId / variantCount);
  const position = participationId - block * variantCount;
  return (position + hash(`${skill}#${block}`)) % variantCount;
}

export function drawVariant(skill: Skill, participationId: number): ChallengeSnapshot {
  return skill.variants[variantIndex(skill.skill, skill.variants.length, participationId)]!;
}

/** The questions this participation can meet: one variant per skill, in snapshot order. */
export function drawQuestions(challenges: ChallengeSnapshot[], participationId: number): ChallengeSnapshot[] {
  return groupSkills(challenges).map((skill) => drawVariant(skill, participationId));
}
