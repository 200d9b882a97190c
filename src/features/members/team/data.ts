import "server-only";

import { prisma } from "@/lib/db";
import type { AuthorizedSchoolId } from "@/lib/session";

import { isBlocked } from "../domain/sign-in-lockout";
import type { TeamMember } from "../types";

export async function listTeamMembers(schoolId: AuthorizedSchoolId, now = new Date()): Promise<TeamMember[]> {
  const members = await prisma.member.findMany({
    where: { schoolId },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: {
        select: { id: true, firstName: true, lastName: true, email: true, failedSignInCount: true, blockedUntil: true },
      },
    },
    orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }, { id: "asc" }],
  });
  return members.map((member) => ({
    memberId: member.id,
    userId: member.user.id,
    firstName: member.user.firstName,
    lastName: member.user.lastName,
    email: member.user.email,
    role: member.role,
    joinedAt: member.createdAt,
    isBlocked: isBlocked(member.user, now),
  }));
}
