import "server-only";

import { cache } from "react";

import { can } from "@/lib/abilities";
import { memberOrRedirect } from "@/lib/session";

import { listPendingInvitations } from "../invitations/data";
import { listTeamMembers } from "./data";

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
