"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { createAction } from "@/lib/action";
import { DomainError } from "@/lib/errors";
import { requestClientAddress } from "@/lib/request-context";
import { endSession, getSession, type MemberContext, startSession } from "@/lib/session";
import { setSessionSchool } from "@/lib/session-store";
import { membersMessages as m } from "@/messages/fr/members";

import { listActiveSchoolIds } from "./data";
import {
  acceptCgu,
  acceptInvitation,
  authenticateStaff,
  cancelInvitation,
  changeMemberRole,
  changePassword,
  createAccountAndAcceptInvitation,
  inviteMembers,
  leaveSchool,
  removeMember,
  requestPasswordReset,
  requestSchoolActivation,
  resendInvitation,
  resetPassword,
  switchSchool,
  unblockMember,
} from "./mutations";
import {
  acceptCguSchema,
  acceptInvitationAsCurrentUserSchema,
  acceptInvitationWithNewAccountSchema,
  acceptInvitationWithSignInSchema,
  activationSchema,
  changePasswordSchema,
  changeRoleSchema,
  forgotPasswordSchema,
  invitationIdSchema,
  inviteMembersSchema,
  memberIdSchema,
  resetPasswordSchema,
  signInSchema,
  switchSchoolSchema,
} from "./schema";
import type { Actor } from "./types";

/** Team actions are part of using Orga, which starts with accepting the terms of use. */
function actorOf(member: MemberContext): Actor {
  if (!member.hasAcceptedCgu) throw new DomainError("FORBIDDEN", { userMessage: m.errors.cguRequired });
  return { userId: member.userId, schoolId: member.school.id, role: member.role };
}

/** Sign-in failures as the user must read them: never which of e-mail or password was wrong. */
async function authenticateOrThrow(input: { email: string; password: string }): Promise<number> {
  const result = await authenticateStaff({
    email: input.email,
    password: input.password,
    clientAddress: await requestClientAddress(),
  });
  if (result.ok) return result.userId;
  if (result.reason === "BLOCKED") {
    throw new DomainError("TOO_MANY_ATTEMPTS", {
      userMessage: m.signIn.blocked(result.minutesLeft),
      details: { retryAfterSeconds: result.minutesLeft * 60 },
    });
  }
  if (result.reason === "BLOCKED_UNTIL_UNBLOCKED") {
    throw new DomainError("TOO_MANY_ATTEMPTS", { userMessage: m.signIn.blockedUntilUnblocked });
  }
  if (result.reason === "ADDRESS_BLOCKED") {
    throw new DomainError("TOO_MANY_ATTEMPTS", {
      userMessage: m.signIn.addressBlocked(result.minutesLeft),
      details: { retryAfterSeconds: result.minutesLeft * 60 },
    });
  }
  throw new DomainError("INVALID_INPUT", { userMessage: m.signIn.invalidCredentials });
}

/* ───────────── public: sign-in, password, activation, invitations ───────────── */

export const signInAction = createAction({
  schema: signInSchema,
  auth: "public",
  handler: async (input) => {
    const userId = await authenticateOrThrow(input);
    const [schoolId] = await listActiveSchoolIds(userId);
    if (schoolId === undefined) throw new DomainError("FORBIDDEN", { userMessage: m.signIn.noSchool });
    await startSession({ userId, kind: "STAFF", currentSchoolId: schoolId });
    redirect("/orga");
  },
});

export const forgotPasswordAction = createAction({
  schema: forgotPasswordSchema,
  auth: "public",
  successMessage: m.forgotPassword.sent,
  handler: async (input) => {
    await requestPasswordReset(input);
  },
});

export const resetPasswordAction = createAction({
  schema: resetPasswordSchema,
  auth: "public",
  handler: async (input) => {
    await resetPassword({ token: input.token, password: input.password });
    await endSession();
    redirect("/orga/connexion?info=mot-de-passe-modifie");
  },
});

export const requestActivationAction = createAction({
  schema: activationSchema,
  auth: "public",
  handler: async (input) => requestSchoolActivation(input),
});

export const acceptInvitationWithNewAccountAction = createAction({
  schema: acceptInvitationWithNewAccountSchema,
  auth: "public",
  handler: async (input) => {
    const { userId, schoolId } = await createAccountAndAcceptInvitation(input);
    await startSession({ userId, kind: "STAFF", currentSchoolId: schoolId });
    redirect("/orga/cgu");
  },
});

export const acceptInvitationWithSignInAction = createAction({
  schema: acceptInvitationWithSignInSchema,
  auth: "public",
  handler: async (input) => {
    const userId = await authenticateOrThrow(input);
    const { schoolId } = await acceptInvitation({ token: input.token, userId });
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
    const { schoolId } = await acceptInvitation({ token: input.token, userId: session.userId });
    await setSessionSchool(session.id, schoolId);
    redirect("/orga");
  },
});

/* ───────────────────────────── signed-in staff ───────────────────────────── */

export const acceptCguAction = createAction({
  schema: acceptCguSchema,
  auth: "member",
  allowWithoutCgu: true,
  handler: async (_input, { member }) => {
    await acceptCgu(member.userId);
    revalidatePath("/orga", "layout");
    redirect("/orga");
  },
});

export const switchSchoolAction = createAction({
  schema: switchSchoolSchema,
  auth: "member",
  handler: async (input, { member }) => {
    await switchSchool({ sessionId: member.sessionId, userId: member.userId, schoolId: input.schoolId });
    revalidatePath("/orga", "layout");
    redirect("/orga");
  },
});

export const changePasswordAction = createAction({
  schema: changePasswordSchema,
  auth: "member",
  successMessage: m.account.passwordChanged,
  handler: async (input, { member }) => {
    await changePassword({
      userId: member.userId,
      sessionId: member.sessionId,
      currentPassword: input.currentPassword,
      password: input.password,
    });
  },
});

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

/* ───────────────────────────── team (ADMIN) ───────────────────────────── */

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
