import type { CampaignActor } from "./types";

/** Any member of the school creates campaigns (docs/domain.md §4). */
export function canCreateCampaign(actor: CampaignActor): boolean {
  return actor.role === "ADMIN" || actor.role === "MEMBER";
}

/** Editing, archiving and unarchiving: an ADMIN of the school, or the campaign's owner. */
export function canManageCampaign(actor: CampaignActor, campaign: { ownerId: number }): boolean {
  return actor.role === "ADMIN" || campaign.ownerId === actor.userId;
}
