import "server-only";

import { cache } from "react";

import { can } from "@/lib/abilities";
import { getSession, memberOrRedirect } from "@/lib/session";

import {
  getInvitationPreview,
  getStaffAccount,
  isPasswordResetTokenUsable,
  listPendingInvitations,
  listTeamMembers,
} from "./data";
import { normalizeEmail } from "./domain/email-list";

export const loadTeamPage = cache(async () => {
  const member = await memberOrRedirect();
  const canManage = can(member, "team:invite");
  const [members, invitations] = await Promise.all([
    listTeamMembers(member.school.id),
    // MEMBERs see the team, not who was invited: addresses of people not yet on the team.
    canManage ? listPendingInvitations(member.school.id) : Promise.resolve([]),
  ]);
  return {
    currentUserId: member.userId,
    school: member.school,
    canManage,
    members,
    invitations,
  };
});

export const loadAccountPage = cache(async () => {
  const member = await memberOrRedirect();
  return {
    firstName: member.firstName,
    lastName: member.lastName,
    email: member.email,
    currentSchoolId: member.school.id,
    schools: member.schools,
  };
});

export const loadCguPage = cache(async () => memberOrRedirect({ allowWithoutCgu: true }));

/**
 * The invitation behind a link, and who (if anyone) is signed in on this browser; only the
 * account of the invited address may accept (`isInvitedAccount`).
 */
export const loadInvitationPage = cache(async (token: string) => {
  const preview = await getInvitationPreview(token);
  if (!preview) return { preview: null, signedInAs: null };
  const session = await getSession();
  const account = session?.kind === "STAFF" ? await getStaffAccount(session.userId) : null;
  if (!account) return { preview, signedInAs: null };
  const isInvitedAccount = account.email !== null && normalizeEmail(account.email) === normalizeEmail(preview.email);
  return { preview, signedInAs: { ...account, isInvitedAccount } };
});

export const loadResetPasswordPage = cache(async (token: string) => ({
  isUsable: await isPasswordResetTokenUsable(token),
}));
