import "server-only";

import { notFound } from "next/navigation";

import { listDivisions } from "@/features/classes/data";
import { isDomainError } from "@/lib/errors";

import { loadCampaign } from "../loaders";
import { participantFilterSchema } from "../schema";
import { getCampaignAnalysis } from "./data";

/**
 * The Analyse tab, for any member of the school. A school-wide campaign can be narrowed to one
 * class (`?division=`, the Résultats tab's parameter); a class campaign is its class. Not audited
 * as a staff read (docs/domain.md §8): it shows counts and question texts, never a learner.
 */
export async function loadCampaignAnalysis(
  rawId: string,
  searchParams: Record<string, string | string[] | undefined> = {},
) {
  const { member, campaign } = await loadCampaign(rawId);
  const isSchoolWide = campaign.division === null;
  const division = isSchoolWide ? participantFilterSchema("shared").parse(searchParams).division : "";
  try {
    const [analysis, divisions] = await Promise.all([
      getCampaignAnalysis(member.school.id, campaign.id, { division }),
      isSchoolWide ? listDivisions(member.school.id) : [],
    ]);
    return { campaign, analysis, division, divisions };
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
