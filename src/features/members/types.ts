export type MemberRole = "ADMIN" | "MEMBER";

/**
 * A school id proven to be one the signed-in user is a member of (checked against the members
 * table on this request). Only the members loaders/gate mint it; data and mutations trust it.
 */
export type AuthorizedSchoolId = number & { readonly __brand: "AuthorizedSchoolId" };

/** The acting staff member, as re-read from the database for this request. */
export type Actor = {
  userId: number;
  schoolId: AuthorizedSchoolId;
  memberId: number;
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

export type SchoolChoice = { schoolId: number; name: string; uai: string; role: MemberRole };

export type InvitationPreview = {
  schoolName: string;
  role: MemberRole;
  email: string;
  /** Whether a staff account already exists for the invited address (sign in instead of create). */
  hasAccount: boolean;
};
