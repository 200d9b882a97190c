"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { createAction } from "@/lib/action";
import { DomainError } from "@/lib/errors";
import { requestClientAddress } from "@/lib/request-context";
import { getSession, startSession } from "@/lib/session";
import { setSessionSchool } from "@/lib/session-store";
import { membersMessages as m } from "@/messages/fr/members";

import { subscribeActivatedSchool } from "@/features/gar-subscriptions/mutations";

import { actorOf } from "../domain/actor";
import {
  acceptInvitationAsCurrentUserSchema,
  acceptInvitationWithNewAccountSchema,
  acceptInvitationWithSignInSchema,
  invitationIdSchema,
  inviteMembersSchema,
} from "../schema";
import { authenticateStaffOrThrow } from "../sign-in/mutations";
import {
  acceptInvitation,
  cancelInvitation,
  createAccountAndAcceptInvitation,
  inviteMembers,
  resendInvitation,
} from "./mutations";

export const acceptInvitationWithNewAccountAction = createAction({
  schema: acceptInvitationWithNewAccountSchema,
  auth: "public",
  handler: async (input) => {
    const { userId, schoolId, activatedSchool } = await createAccountAndAcceptInvitation(input);
    if (activatedSchool) await subscribeActivatedSchool(schoolId);
    await startSession({ userId, kind: "STAFF", currentSchoolId: schoolId });
    redirect("/orga/cgu");
  },
});

export const acceptInvitationWithSignInAction = createAction({
  schema: acceptInvitationWithSignInSchema,
  auth: "public",
  handler: async (input) => {
    const userId = await authenticateStaffOrThrow({ ...input, clientAddress: await requestClientAddress() });
    const { schoolId, activatedSchool } = await acceptInvitation({ token: input.token, userId });
    if (activatedSchool) await subscribeActivatedSchool(schoolId);
    await startSession({ userId, kind: "STAFF", currentSchoolId: schoolId });
    redirect("/orga");
  },
});

/** A signed-in staff user (even one left with no school) accepts with their current account. */
export const acceptInvitationAsCurrentUserAction = createAction({
  schema: acceptInvitationAsCurrentUserSchema,
  auth: "public",
  handler: async (input) => {
    const session = await getSession();
    if (!session || session.kind !== "STAFF") throw new DomainError("UNAUTHENTICATED");
    const { schoolId, activatedSchool } = await acceptInvitation({ token: input.token, userId: session.userId });
    if (activatedSchool) await subscribeActivatedSchool(schoolId);
    await setSessionSchool(session.id, schoolId);
    redirect("/orga");
  },
});

export const inviteMembersAction = createAction({
  schema: inviteMembersSchema,
  auth: "member",
  ability: "team:invite",
  handler: async (input, { member }) => {
    const result = await inviteMembers(actorOf(member), input);
    revalidatePath("/orga/equipe");
    return result;
  },
});

export const resendInvitationAction = createAction({
  schema: invitationIdSchema,
  auth: "member",
  ability: "team:manage-invitations",
  successMessage: m.team.resent,
  handler: async (input, { member }) => {
    await resendInvitation(actorOf(member), input);
    revalidatePath("/orga/equipe");
  },
});

export const cancelInvitationAction = createAction({
  schema: invitationIdSchema,
  auth: "member",
  ability: "team:manage-invitations",
  handler: async (input, { member }) => {
    await cancelInvitation(actorOf(member), input);
    revalidatePath("/orga/equipe");
    // The row disappears with its form: the confirmation is shown by the page.
    redirect("/orga/equipe?info=invitation-annulee");
  },
});
