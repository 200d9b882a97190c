import type { MemberRole } from "../../src/generated/prisma/client";
import { prisma } from "../../src/lib/db";
import { type AuthorizedSchoolId, readMemberContext } from "../../src/lib/session";
import { createSessionRecord, findSessionByToken } from "../../src/lib/session-store";
import { createMember } from "./schools";

/**
 * An AuthorizedSchoolId as a request gets it: a staff member of the school (an existing one, or a
 * new one with `role`) signs in with a real session row, and the session gate reads it back. A
 * school the member does not belong to, or an archived one, cannot be had this way.
 */
export async function authorizedSchoolId(
  schoolId: number,
  options: { userId?: number; role?: MemberRole } = {},
): Promise<AuthorizedSchoolId> {
  const userId =
    options.userId ??
    (await prisma.member.findFirst({ where: { schoolId }, select: { userId: true } }))?.userId ??
    (await createMember({ schoolId, role: options.role ?? "ADMIN" })).userId;
  const { token } = await createSessionRecord({ userId, kind: "STAFF", currentSchoolId: schoolId });
  const session = await findSessionByToken(token);
  const member = session ? await readMemberContext(session) : null;
  if (!member || member.school.id !== schoolId) {
    throw new Error(`authorizedSchoolId: the user ${userId} is not a member of the school ${schoolId}`);
  }
  return member.school.id;
}

/**
 * What the job worker and the operator CLI hand to the retention and offboarding rules: school ids
 * vouched for by an operator process (src/lib/operator.ts), no session.
 */
export { operatorSchoolId as operatorSchools } from "../../src/lib/operator";
