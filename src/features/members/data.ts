import "server-only";

import { prisma, type DbClient } from "@/lib/db";
import type { AuthorizedSchoolId } from "@/lib/session";
import { hashToken } from "@/lib/tokens";

import { isBlocked } from "./domain/sign-in-lockout";
import { invitationStatus } from "./domain/team-rules";
import type { InvitationPreview, PendingInvitation, TeamMember } from "./types";

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

/** Invitations neither accepted nor cancelled, expired ones included (they can be resent). */
export async function listPendingInvitations(
  schoolId: AuthorizedSchoolId,
  now = new Date(),
): Promise<PendingInvitation[]> {
  const invitations = await prisma.invitation.findMany({
    where: { schoolId, acceptedAt: null, cancelledAt: null },
    select: { id: true, email: true, role: true, sentAt: true, expiresAt: true, acceptedAt: true, cancelledAt: true },
    orderBy: { sentAt: "desc" },
  });
  return invitations.map((invitation) => ({
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    sentAt: invitation.sentAt,
    expiresAt: invitation.expiresAt,
    isExpired: invitationStatus(invitation, now) === "EXPIRED",
  }));
}

/** What the invitation page shows; null when the link is unknown or no longer usable. */
export async function getInvitationPreview(token: string, now = new Date()): Promise<InvitationPreview | null> {
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      acceptedAt: true,
      cancelledAt: true,
      expiresAt: true,
      school: { select: { name: true, archivedAt: true } },
    },
  });
  if (!invitation || invitation.school.archivedAt || invitationStatus(invitation, now) !== "PENDING") return null;
  const account = await prisma.user.findFirst({
    where: { email: invitation.email, authenticationMethods: { some: { provider: "PASSWORD" } } },
    select: { id: true },
  });
  return {
    schoolName: invitation.school.name,
    role: invitation.role,
    email: invitation.email,
    hasAccount: account !== null,
  };
}

export async function isPasswordResetTokenUsable(token: string, now = new Date()): Promise<boolean> {
  const row = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return row !== null && row.usedAt === null && row.expiresAt.getTime() > now.getTime();
}

/** The schools (not archived) a user can work in, in the switcher's order. */
export async function listActiveSchoolIds(userId: number, db: DbClient = prisma): Promise<number[]> {
  const memberships = await db.member.findMany({
    where: { userId, school: { archivedAt: null } },
    select: { schoolId: true },
    orderBy: { school: { name: "asc" } },
  });
  return memberships.map((membership) => membership.schoolId);
}

export async function getStaffAccount(
  userId: number,
): Promise<{ firstName: string; lastName: string; email: string | null } | null> {
  return prisma.user.findUnique({ where: { id: userId }, select: { firstName: true, lastName: true, email: true } });
}
