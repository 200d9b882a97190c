import type { MemberRole } from "../types";

/**
 * A school must always keep at least one ADMIN, or nobody could invite, import or manage the
 * team any more. Returns whether moving `target` to `nextRole` (null = leaving the school)
 * would leave it without one.
 */
export function wouldRemoveLastAdmin(
  target: { role: MemberRole },
  nextRole: MemberRole | null,
  adminCount: number,
): boolean {
  if (target.role !== "ADMIN") return false;
  if (nextRole === "ADMIN") return false;
  return adminCount <= 1;
}

export const INVITATION_VALIDITY_DAYS = 7;
export const PASSWORD_RESET_VALIDITY_MINUTES = 60;
/** How many e-mails one invitation form may hold. */
export const MAX_INVITATIONS_PER_REQUEST = 50;

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_VALIDITY_DAYS * 24 * 60 * 60_000);
}

export function passwordResetExpiry(now: Date): Date {
  return new Date(now.getTime() + PASSWORD_RESET_VALIDITY_MINUTES * 60_000);
}

export type InvitationState = { acceptedAt: Date | null; cancelledAt: Date | null; expiresAt: Date };

export type InvitationStatus = "PENDING" | "ACCEPTED" | "CANCELLED" | "EXPIRED";

export function invitationStatus(invitation: InvitationState, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return "ACCEPTED";
  if (invitation.cancelledAt) return "CANCELLED";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "PENDING";
}
