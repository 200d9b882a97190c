import { z } from "zod";
import { checkContent } from "@/features/parcours/domain/content-rules";
import { contentChallengesSchema, contentParcoursListSchema, frameworkSchema } from "@/features/parcours/schema";
import type { Content } from "@/features/parcours/types";
import informationChallenges from "./challenges/1-informations-et-donnees.json" with { type: "json" };
import communicationChallenges from "./challenges/2-communication-et-collaboration.json" with { type: "json" };
import creationChallenges from "./challenges/3-creation-de-contenus.json" with { type: "json" };
import protectionChallenges from "./challenges/4-protection-et-securite.json" with { type: "json" };
import environmentChallenges from "./challenges/5-environnement-numerique.json" with { type: "json" };
import framework from "./framework.json" with { type: "json" };
import parcours from "./parcours.json" with { type: "json" };

/** The raw JSON files, in bank order (by area). Exported so the content test can alter a copy. */
export const rawContent = {
  framework: framework as unknown,
  challenges: [
    ...informationChallenges,
    ...communicationChallenges,
    ...creationChallenges,
    ...protectionChallenges,
    ...environmentChallenges,
  ] as unknown[],
  parcours: parcours as unknown,
};

export class InvalidContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`content/ is invalid:\n- ${problems.join("\n- ")}`);
    this.name = "InvalidContentError";
  }
}

/** Validates raw content (zod shapes, then the cross-record rules); throws listing every problem. */
export function parseContent(raw: typeof rawContent): Content {
  const problems: string[] = [];
  const parsed = {
    framework: frameworkSchema.safeParse(raw.framework),
    challenges: contentChallengesSchema.safeParse(raw.challenges),
    parcours: contentParcoursListSchema.safeParse(raw.parcours),
  };
  for (const [file, result] of Object.entries(parsed)) {
    if (!result.success) problems.push(`${file}: ${z.prettifyError(result.error)}`);
  }
  if (!parsed.framework.success || !parsed.challenges.success || !parsed.parcours.success)
    throw new InvalidContentError(problems);

  const { content, issues } = checkContent({
    framework: parsed.framework.data,
    challenges: parsed.challenges.data,
    parcours: parsed.parcours.data,
  });
  if (issues.length > 0) throw new InvalidContentError(issues.map((issue) => `${issue.path}: ${issue.message}`));
  return content;
}

let cached: Content | undefined;

/** The validated content of this repository. It is compiled in, so parsing it once is enough. */
export function readContent(): Content {
  cached ??= parseContent(rawContent);
  return cached;
}
