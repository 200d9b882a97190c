import type { Actor, MemberRole } from "../types";

/**
 * The acting member as mutations take it, from the session gate's member context (whose school id
 * is already authorised). The terms of use are enforced before by createAction.
 */
export function actorOf(member: { userId: number; role: MemberRole; school: { id: Actor["schoolId"] } }): Actor {
  return { userId: member.userId, schoolId: member.school.id, role: member.role };
}
