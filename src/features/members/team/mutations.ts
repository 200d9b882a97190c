import "server-only";

import { assertCan } from "@/lib/abilities";
import { recordAudit } from "@/lib/audit";
import { prisma, Prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { deleteUserSessions } from "@/lib/session-store";
import { membersMessages as m } from "@/messages/fr/members";

import { wouldRemoveLastAdmin } from "../domain/team-rules";
import type { Actor, MemberRole } from "../types";

/* ───────────────────────────── team ───────────────────────────── */

/**
 * Locks the school's ADMIN rows, so that two ADMINs demoting or removing each other at the same
 * moment cannot leave the school without one.
 */
async function lockAdmins(tx: Prisma.TransactionClient, schoolId: number): Promise<number> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM members WHERE school_id = ${schoolId} AND role = 'ADMIN' FOR UPDATE`;
  return rows.length;
}

async function findMemberInSchool(tx: Prisma.TransactionClient, schoolId: number, memberId: number) {
  const member = await tx.member.findFirst({
    where: { id: memberId, schoolId },
    select: { id: true, userId: true, role: true },
  });
  if (!member) throw new DomainError("NOT_FOUND", { userMessage: m.team.memberNotFound });
  return member;
}

/** Changes a member's role; their sessions are closed so the new rights apply at once. */
export async function changeMemberRole(actor: Actor, input: { memberId: number; role: MemberRole }): Promise<void> {
  assertCan(actor, "team:change-role");
  await prisma.$transaction(async (tx) => {
    const adminCount = await lockAdmins(tx, actor.schoolId);
    const target = await findMemberInSchool(tx, actor.schoolId, input.memberId);
    if (target.role === input.role) return;
    if (wouldRemoveLastAdmin(target, input.role, adminCount))
      throw new DomainError("CONFLICT", { userMessage: m.team.lastAdmin });
    await tx.member.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAudit(
      {
        schoolId: actor.schoolId,
        actorUserId: actor.userId,
        action: "member.role_changed",
        targetType: "member",
        targetId: target.id,
        data: { userId: target.userId, from: target.role, to: input.role },
      },
      tx,
    );
    await deleteUserSessions(target.userId, tx);
  });
}

/** Removes a member from the school. Their campaigns stay: they belong to the school. */
export async function removeMember(actor: Actor, input: { memberId: number }): Promise<void> {
  assertCan(actor, "team:remove-member");
  await removeMembership(actor, input.memberId, "member.removed");
}

/** Any member may leave a school, except its last ADMIN. */
export async function leaveSchool(actor: Actor): Promise<void> {
  const own = await prisma.member.findUnique({
    where: { schoolId_userId: { schoolId: actor.schoolId, userId: actor.userId } },
    select: { id: true },
  });
  if (!own) throw new DomainError("NOT_FOUND", { userMessage: m.errors.notMember });
  await removeMembership(actor, own.id, "member.left");
}

async function removeMembership(
  actor: Actor,
  memberId: number,
  action: "member.removed" | "member.left",
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const adminCount = await lockAdmins(tx, actor.schoolId);
    const target = await findMemberInSchool(tx, actor.schoolId, memberId);
    if (wouldRemoveLastAdmin(target, null, adminCount))
      throw new DomainError("CONFLICT", { userMessage: m.team.lastAdmin });
    await tx.member.delete({ where: { id: target.id } });
    await recordAudit(
      {
        schoolId: actor.schoolId,
        actorUserId: actor.userId,
        action,
        targetType: "member",
        targetId: target.id,
        data: { userId: target.userId, role: target.role },
      },
      tx,
    );
    // A removed person is signed out everywhere; someone leaving keeps their other schools.
    if (action === "member.removed") await deleteUserSessions(target.userId, tx);
  });
}

/** Lifts a sign-in block early (the person called the ADMIN). */
export async function unblockMember(actor: Actor, input: { memberId: number }): Promise<void> {
  assertCan(actor, "team:unblock-member");
  await prisma.$transaction(async (tx) => {
    const target = await findMemberInSchool(tx, actor.schoolId, input.memberId);
    // Also resets the lock progression: the next lock is a 15-minute one again.
    await tx.user.update({
      where: { id: target.userId },
      data: { failedSignInCount: 0, blockedUntil: null, signInLockCount: 0 },
    });
    await recordAudit(
      {
        schoolId: actor.schoolId,
        actorUserId: actor.userId,
        action: "member.unblocked",
        targetType: "member",
        targetId: target.id,
        data: { userId: target.userId },
      },
      tx,
    );
  });
}
