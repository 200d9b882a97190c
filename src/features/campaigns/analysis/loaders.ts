import "server-only";

import { isDomainError } from "@/lib/errors";
import { notFound } from "next/navigation";

import { loadCampaign } from "../loaders";
import { getCampaignAnalysis } from "./data";

/**
 * The Analyse tab, for any member of the school. Not audited as a staff read (docs/domain.md §8):
 * it shows counts and question texts, never a learner, unlike the Résultats tab.
 */
export async function loadCampaignAnalysis(rawId: string) {
  const { member, campaign } = await loadCampaign(rawId);
  try {
    return { campaign, analysis: await getCampaignAnalysis(member.school.id, campaign.id) };
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
