import type { AuthorizedSchoolId } from "@/lib/session";

export type MemberRole = "ADMIN" | "MEMBER";

/**
 * The acting staff member in their current school, as re-read from the members table on this
 * request (`getMemberContext`). Mutations trust it; loaders and actions build it.
 */
export type Actor = {
  userId: number;
  schoolId: AuthorizedSchoolId;
  role: MemberRole;
};

export type TeamMember = {
  memberId: number;
  userId: number;
  firstName: string;
  lastName: string;
  email: string | null;
  role: MemberRole;
  joinedAt: Date;
  isBlocked: boolean;
};

export type PendingInvitation = {
  id: number;
  email: string;
  role: MemberRole;
  sentAt: Date;
  expiresAt: Date;
  isExpired: boolean;
};

export type InvitationPreview = {
  schoolName: string;
  role: MemberRole;
  email: string;
  /** Whether a staff account already exists for the invited address (sign in instead of create). */
  hasAccount: boolean;
};
