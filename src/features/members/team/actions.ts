"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { createAction } from "@/lib/action";
import { endSession } from "@/lib/session";
import { setSessionSchool } from "@/lib/session-store";
import { membersMessages as m } from "@/messages/fr/members";

import { actorOf } from "../domain/actor";
import { changeRoleSchema, memberIdSchema } from "../schema";
import { listActiveSchoolIds } from "../sign-in/data";
import { changeMemberRole, leaveSchool, removeMember, unblockMember } from "./mutations";

export const leaveSchoolAction = createAction({
  schema: z.object({}),
  auth: "member",
  handler: async (_input, { member }) => {
    await leaveSchool(actorOf(member));
    revalidatePath("/orga", "layout");
    const [nextSchoolId] = await listActiveSchoolIds(member.userId);
    if (nextSchoolId === undefined) {
      await endSession();
      redirect("/orga/connexion?info=depart");
    }
    await setSessionSchool(member.sessionId, nextSchoolId);
    redirect("/orga/compte?info=depart");
  },
});

export const changeMemberRoleAction = createAction({
  schema: changeRoleSchema,
  auth: "member",
  ability: "team:change-role",
  successMessage: m.team.roleChanged,
  handler: async (input, { member }) => {
    await changeMemberRole(actorOf(member), input);
    revalidatePath("/orga", "layout");
  },
});

export const removeMemberAction = createAction({
  schema: memberIdSchema,
  auth: "member",
  ability: "team:remove-member",
  handler: async (input, { member }) => {
    await removeMember(actorOf(member), input);
    revalidatePath("/orga", "layout");
    redirect("/orga/equipe?info=membre-retire");
  },
});

export const unblockMemberAction = createAction({
  schema: memberIdSchema,
  auth: "member",
  ability: "team:unblock-member",
  handler: async (input, { member }) => {
    await unblockMember(actorOf(member), input);
    revalidatePath("/orga/equipe");
    // The button disappears with the block: the confirmation is shown by the page.
    redirect("/orga/equipe?info=compte-debloque");
  },
});
