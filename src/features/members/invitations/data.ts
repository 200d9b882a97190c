import "server-only";

import { prisma } from "@/lib/db";
import type { AuthorizedSchoolId } from "@/lib/session";
import { hashToken } from "@/lib/tokens";

import { invitationStatus } from "../domain/team-rules";
import type { InvitationPreview, PendingInvitation } from "../types";

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
