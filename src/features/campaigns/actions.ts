"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { createAction } from "@/lib/action";
import { campaignsMessages } from "@/messages/fr/campaigns";

import {
  allowRetry,
  createCampaign,
  createCampaignsForClasses,
  deleteCampaign,
  deleteParticipation,
  duplicateCampaign,
  setCampaignArchived,
  updateCampaign,
} from "./mutations";
import {
  archiveCampaignSchema,
  createCampaignSchema,
  createCampaignsForClassesSchema,
  deleteCampaignSchema,
  duplicateCampaignSchema,
  participationActionSchema,
  updateCampaignSchema,
} from "./schema";

export const createCampaignAction = createAction({
  schema: createCampaignSchema,
  auth: "member",
  handler: async (input, { member }) => {
    const campaign = await createCampaign({ schoolId: member.school.id, actor: member, input });
    revalidatePath("/orga/campagnes");
    revalidatePath("/orga/classes");
    redirect(`/orga/campagnes/${campaign.id}`);
  },
});

export const createCampaignsForClassesAction = createAction({
  schema: createCampaignsForClassesSchema,
  auth: "member",
  handler: async (input, { member }) => {
    const result = await createCampaignsForClasses({ schoolId: member.school.id, actor: member, input });
    revalidatePath("/orga/campagnes");
    revalidatePath("/orga/classes");
    return result;
  },
});

export const updateCampaignAction = createAction({
  schema: updateCampaignSchema,
  auth: "member",
  successMessage: campaignsMessages.updated,
  handler: async (input, { member }) => {
    await updateCampaign({ schoolId: member.school.id, actor: member, input });
    revalidatePath(`/orga/campagnes/${input.campaignId}`, "layout");
    revalidatePath("/orga/campagnes");
  },
});

export const archiveCampaignAction = createAction({
  schema: archiveCampaignSchema,
  auth: "member",
  successMessage: campaignsMessages.archived,
  handler: async (input, { member }) => {
    await setCampaignArchived({
      schoolId: member.school.id,
      actor: member,
      campaignId: input.campaignId,
      archived: true,
    });
    revalidatePath(`/orga/campagnes/${input.campaignId}`, "layout");
    revalidatePath("/orga/campagnes");
  },
});

export const unarchiveCampaignAction = createAction({
  schema: archiveCampaignSchema,
  auth: "member",
  successMessage: campaignsMessages.unarchived,
  handler: async (input, { member }) => {
    await setCampaignArchived({
      schoolId: member.school.id,
      actor: member,
      campaignId: input.campaignId,
      archived: false,
    });
    revalidatePath(`/orga/campagnes/${input.campaignId}`, "layout");
    revalidatePath("/orga/campagnes");
  },
});

/** *Dupliquer*: any member; opens the new campaign. */
export const duplicateCampaignAction = createAction({
  schema: duplicateCampaignSchema,
  auth: "member",
  ability: "campaign:create",
  handler: async (input, { member }) => {
    const campaign = await duplicateCampaign({ schoolId: member.school.id, actor: member, input });
    revalidatePath("/orga/campagnes");
    revalidatePath("/orga/classes");
    redirect(`/orga/campagnes/${campaign.id}`);
  },
});

/** *Supprimer* a campaign nobody started: ADMIN or owner (checked in the mutation); back to the list. */
export const deleteCampaignAction = createAction({
  schema: deleteCampaignSchema,
  auth: "member",
  handler: async (input, { member }) => {
    await deleteCampaign({ schoolId: member.school.id, actor: member, campaignId: input.campaignId });
    revalidatePath("/orga/campagnes");
    revalidatePath("/orga/classes");
    redirect("/orga/campagnes?suppression=faite");
  },
});

function revalidateParticipation(campaignId: number) {
  revalidatePath(`/orga/campagnes/${campaignId}`, "layout");
  revalidatePath("/orga/eleves", "layout");
  revalidatePath("/orga/campagnes");
}

/** *Supprimer la participation*: ADMIN or owner (checked in the mutation); back to the campaign's Activité. */
export const deleteParticipationAction = createAction({
  schema: participationActionSchema,
  auth: "member",
  handler: async (input, { member }) => {
    await deleteParticipation({ schoolId: member.school.id, actor: member, input });
    revalidateParticipation(input.campaignId);
    redirect(`/orga/campagnes/${input.campaignId}?suppression=participation`);
  },
});

/** *Permettre de repasser le parcours*: ADMIN or owner; opens the new attempt's page. */
export const allowRetryAction = createAction({
  schema: participationActionSchema,
  auth: "member",
  handler: async (input, { member }) => {
    const next = await allowRetry({ schoolId: member.school.id, actor: member, input });
    revalidateParticipation(input.campaignId);
    redirect(`/orga/campagnes/${input.campaignId}/participants/${next.participationId}`);
  },
});
