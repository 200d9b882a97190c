export type MemberRoleName = "ADMIN" | "MEMBER";

/** The member acting on campaigns, as resolved from the database for the current school. */
export type CampaignActor = { userId: number; role: MemberRoleName };
