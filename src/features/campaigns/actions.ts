"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { createAction } from "@/lib/action";
import { campaignsMessages } from "@/messages/fr/campaigns";

import { createCampaign, createCampaignsForClasses, setCampaignArchived, updateCampaign } from "./mutations";
import {
  archiveCampaignSchema,
  createCampaignSchema,
  createCampaignsForClassesSchema,
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
