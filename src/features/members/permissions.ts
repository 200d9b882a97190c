import type { MemberRole } from "./types";

/**
 * What each role may do in Orga. Every check runs against the role re-read from the database on
 * the current request, never a role remembered in the cookie.
 */
export type Capability =
  | "team:view"
  | "team:invite"
  | "team:manage-invitations"
  | "team:change-role"
  | "team:remove-member"
  | "team:unblock-member"
  | "campaign:create"
  | "campaign:manage-any"
  | "learners:view"
  | "import:run";

const capabilities: Record<MemberRole, ReadonlySet<Capability>> = {
  ADMIN: new Set<Capability>([
    "team:view",
    "team:invite",
    "team:manage-invitations",
    "team:change-role",
    "team:remove-member",
    "team:unblock-member",
    "campaign:create",
    "campaign:manage-any",
    "learners:view",
    "import:run",
  ]),
  MEMBER: new Set<Capability>(["team:view", "campaign:create", "learners:view"]),
};

export function can(member: { role: MemberRole }, capability: Capability): boolean {
  return capabilities[member.role].has(capability);
}
