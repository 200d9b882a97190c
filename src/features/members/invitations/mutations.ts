import "server-only";

import { sendMail } from "@/features/mail/mutations";
import { assertCan } from "@/lib/abilities";
import { recordAudit } from "@/lib/audit";
import { prisma, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import { hashPassword } from "@/lib/password";
import { hashToken, randomToken } from "@/lib/tokens";
import { membersMessages as m } from "@/messages/fr/members";

import { normalizeEmail } from "../domain/email-list";
import { INVITATION_VALIDITY_DAYS, invitationExpiry, invitationStatus } from "../domain/team-rules";
import type { Actor, MemberRole } from "../types";

/** The link of an invitation e-mail (also the school activation's, which is an ADMIN invitation). */
export function invitationLink(token: string): string {
  return new URL(`/orga/invitations/${token}`, env().APP_BASE_URL).toString();
}

/* ─────────────────────────── invitations ─────────────────────────── */

export type InviteMembersResult = { invitedCount: number; alreadyMemberCount: number };

/**
 * Invites one or several addresses at once. An address that already has a pending invitation
 * gets a fresh link (the old one stops working); members of the school are skipped.
 */
export async function inviteMembers(
  actor: Actor,
  input: { emails: string[]; role: MemberRole },
  now = new Date(),
): Promise<InviteMembersResult> {
  assertCan(actor, "team:invite");
  const emails = [...new Set(input.emails.map(normalizeEmail))];
  const school = await prisma.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { name: true } });
  const members = await prisma.member.findMany({
    where: { schoolId: actor.schoolId, user: { email: { in: emails } } },
    select: { user: { select: { email: true } } },
  });
  const memberEmails = new Set(members.map((member) => member.user.email));
  const toInvite = emails.filter((email) => !memberEmails.has(email));

  const outgoing = await prisma.$transaction(async (tx) => {
    const sent: { email: string; token: string }[] = [];
    for (const email of toInvite) {
      const token = randomToken();
      const pending = await tx.invitation.findFirst({
        where: { schoolId: actor.schoolId, email, acceptedAt: null, cancelledAt: null },
        select: { id: true },
        orderBy: { id: "desc" },
      });
      const fields = {
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: actor.userId,
        sentAt: now,
        expiresAt: invitationExpiry(now),
      };
      const invitation = pending
        ? await tx.invitation.update({ where: { id: pending.id }, data: fields, select: { id: true } })
        : await tx.invitation.create({
            data: { ...fields, schoolId: actor.schoolId, email, createdAt: now },
            select: { id: true },
          });
      await recordAudit(
        {
          schoolId: actor.schoolId,
          actorUserId: actor.userId,
          action: "member.invited",
          targetType: "invitation",
          targetId: invitation.id,
          data: { role: input.role, renewed: pending !== null },
        },
        tx,
      );
      sent.push({ email, token });
    }
    return sent;
  });

  for (const { email, token } of outgoing) {
    await sendMail({
      to: email,
      subject: m.mail.invitationSubject(school.name),
      text: m.mail.invitationBody(school.name, m.roles[input.role], invitationLink(token), INVITATION_VALIDITY_DAYS),
    });
  }
  return { invitedCount: outgoing.length, alreadyMemberCount: emails.length - toInvite.length };
}

async function findOpenInvitation(actor: Actor, invitationId: number) {
  const invitation = await prisma.invitation.findFirst({
    where: { id: invitationId, schoolId: actor.schoolId, acceptedAt: null, cancelledAt: null },
    select: { id: true, email: true, role: true, school: { select: { name: true, uai: true } } },
  });
  if (!invitation) throw new DomainError("NOT_FOUND", { userMessage: m.team.invitationNotFound });
  return invitation;
}

/** Sends a new link (valid seven more days); the previous link stops working. */
export async function resendInvitation(actor: Actor, input: { invitationId: number }, now = new Date()): Promise<void> {
  assertCan(actor, "team:manage-invitations");
  const invitation = await findOpenInvitation(actor, input.invitationId);
  const token = randomToken();
  await prisma.$transaction(async (tx) => {
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { tokenHash: hashToken(token), sentAt: now, expiresAt: invitationExpiry(now), invitedById: actor.userId },
    });
    await recordAudit(
      {
        schoolId: actor.schoolId,
        actorUserId: actor.userId,
        action: "invitation.resent",
        targetType: "invitation",
        targetId: invitation.id,
      },
      tx,
    );
  });
  await sendMail({
    to: invitation.email,
    subject: m.mail.invitationSubject(invitation.school.name),
    text: m.mail.invitationBody(
      invitation.school.name,
      m.roles[invitation.role],
      invitationLink(token),
      INVITATION_VALIDITY_DAYS,
    ),
  });
}

export async function cancelInvitation(actor: Actor, input: { invitationId: number }, now = new Date()): Promise<void> {
  assertCan(actor, "team:manage-invitations");
  const invitation = await findOpenInvitation(actor, input.invitationId);
  await prisma.$transaction(async (tx) => {
    await tx.invitation.update({ where: { id: invitation.id }, data: { cancelledAt: now } });
    await recordAudit(
      {
        schoolId: actor.schoolId,
        actorUserId: actor.userId,
        action: "invitation.cancelled",
        targetType: "invitation",
        targetId: invitation.id,
      },
      tx,
    );
  });
}

/**
 * Uses an invitation link for `userId`: the link works once, only while pending, and only for
 * the account whose e-mail is the invited address (a forwarded or leaked link cannot bring in
 * another account). A person already in the school keeps their membership (an ADMIN invitation
 * promotes a MEMBER).
 */
export async function acceptInvitation(
  input: { token: string; userId: number },
  now = new Date(),
  db?: Prisma.TransactionClient,
): Promise<{ schoolId: number; memberId: number; role: MemberRole; activatedSchool: boolean }> {
  const run = async (tx: Prisma.TransactionClient) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: {
        id: true,
        schoolId: true,
        email: true,
        role: true,
        acceptedAt: true,
        cancelledAt: true,
        expiresAt: true,
        school: { select: { archivedAt: true } },
      },
    });
    if (!invitation || invitation.school.archivedAt || invitationStatus(invitation, now) !== "PENDING") {
      throw new DomainError("NOT_FOUND", { userMessage: m.invitation.invalid });
    }
    const account = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true } });
    if (!account?.email || normalizeEmail(account.email) !== normalizeEmail(invitation.email)) {
      throw new DomainError("FORBIDDEN", {
        userMessage: m.invitation.wrongAccount(invitation.email),
        details: { reason: "OTHER_ACCOUNT" },
      });
    }
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, cancelledAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw new DomainError("NOT_FOUND", { userMessage: m.invitation.invalid });

    const existing = await tx.member.findUnique({
      where: { schoolId_userId: { schoolId: invitation.schoolId, userId: input.userId } },
      select: { id: true, role: true },
    });
    // The school's first ADMIN: this acceptance activates its space (its GAR subscription follows).
    const activatedSchool =
      invitation.role === "ADMIN" &&
      (await tx.member.count({ where: { schoolId: invitation.schoolId, role: "ADMIN" } })) === 0;
    let member: { id: number; role: MemberRole };
    if (!existing) {
      member = await tx.member.create({
        data: { schoolId: invitation.schoolId, userId: input.userId, role: invitation.role },
        select: { id: true, role: true },
      });
    } else if (existing.role === "MEMBER" && invitation.role === "ADMIN") {
      member = await tx.member.update({
        where: { id: existing.id },
        data: { role: "ADMIN" },
        select: { id: true, role: true },
      });
    } else {
      member = existing;
    }
    await recordAudit(
      {
        schoolId: invitation.schoolId,
        actorUserId: input.userId,
        action: "invitation.accepted",
        targetType: "invitation",
        targetId: invitation.id,
        data: { memberId: member.id, role: member.role, alreadyMember: existing !== null },
      },
      tx,
    );
    return { schoolId: invitation.schoolId, memberId: member.id, role: member.role, activatedSchool };
  };
  return db ? run(db) : prisma.$transaction(run);
}

/**
 * Creates a staff account from an invitation link and joins the school, in one transaction. The
 * account's e-mail is the invited address, taken from the invitation (the form shows it and does
 * not send it): the invitation proves that mailbox, nothing else.
 */
export async function createAccountAndAcceptInvitation(
  input: { token: string; firstName: string; lastName: string; password: string },
  now = new Date(),
): Promise<{ userId: number; schoolId: number; activatedSchool: boolean }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const invitation = await tx.invitation.findUnique({
        where: { tokenHash: hashToken(input.token) },
        select: { email: true },
      });
      if (!invitation) throw new DomainError("NOT_FOUND", { userMessage: m.invitation.invalid });
      const user = await tx.user.create({
        data: {
          firstName: input.firstName,
          lastName: input.lastName,
          email: normalizeEmail(invitation.email),
          lastLoggedAt: now,
          authenticationMethods: { create: { provider: "PASSWORD", passwordHash } },
        },
        select: { id: true },
      });
      const accepted = await acceptInvitation({ token: input.token, userId: user.id }, now, tx);
      return { userId: user.id, schoolId: accepted.schoolId, activatedSchool: accepted.activatedSchool };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", { userMessage: m.invitation.emailTaken, details: { field: "email" } });
    }
    throw error;
  }
}
