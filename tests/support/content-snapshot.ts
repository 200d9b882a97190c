import { readContent } from "../../content/load-content";
import type { CampaignSnapshot } from "../../src/features/parcours/types";

/**
 * A campaign's frozen question list for a parcours of the repository's content, as tests insert
 * it directly: the same as `buildCampaignSnapshot` on freshly loaded content (checked by
 * src/features/parcours/data.integration.test.ts).
 */
export function snapshotFor(parcoursId: string): CampaignSnapshot {
  const content = readContent();
  const parcours = content.parcours.find((item) => item.id === parcoursId);
  if (!parcours) throw new Error(`parcours inconnu du contenu : ${parcoursId}`);
  const byId = new Map(content.challenges.map((challenge) => [challenge.id, challenge]));
  return {
    targetProfileId: parcours.id,
    competences: parcours.competenceIds.map((id) => content.competences.find((competence) => competence.id === id)!),
    challenges: parcours.challengeIds.map((id) => byId.get(id)!),
  };
}
