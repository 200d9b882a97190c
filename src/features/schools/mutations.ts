import "server-only";

import { maskEmail } from "@/features/members/domain/email-mask";
import { normalizeEmail } from "@/features/members/domain/email-list";
import { INVITATION_VALIDITY_DAYS, invitationExpiry } from "@/features/members/domain/team-rules";
import { invitationLink } from "@/features/members/invitations/mutations";
import { sendMail } from "@/features/mail/mutations";
import { recordAudit } from "@/lib/audit";
import { prisma } from "@/lib/db";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import { releaseThrottleSlot, takeThrottleSlot } from "@/lib/throttle";
import { hashToken, randomToken } from "@/lib/tokens";
import { membersMessages } from "@/messages/fr/members";
import { schoolMessages as m } from "@/messages/fr/schools";

import { isWellFormedUai, normalizeUai } from "./domain/uai";

export type CreateSchoolOptions = {
  uai: string;
  name: string;
  /** The school's official address (ce.XXXXXXX@ac-….fr): where activation invitations go. */
  officialEmail?: string | null;
  /** Who created it, for the audit trail; null for the operator CLI. */
  actorUserId?: number | null;
};

/**
 * Creates a school (an operator's step 0, before its first ADMIN activates the space). The UAI is
 * unique among active schools: the partial unique index decides, not a read-then-write.
 */
export async function createSchool(options: CreateSchoolOptions): Promise<{ id: number; uai: string; name: string }> {
  const uai = normalizeUai(options.uai);
  if (!isWellFormedUai(uai)) throw new DomainError("INVALID_INPUT", { userMessage: m.invalidUai(options.uai) });
  const name = options.name.trim();
  if (!name) throw new DomainError("INVALID_INPUT", { userMessage: m.nameRequired });
  const officialEmail = options.officialEmail?.trim().toLowerCase() || null;
  if (officialEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(officialEmail)) {
    throw new DomainError("INVALID_INPUT", { userMessage: m.invalidEmail(officialEmail) });
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const school = await tx.school.create({
        data: { uai, name, officialEmail },
        select: { id: true, uai: true, name: true },
      });
      await tx.auditLog.create({
        data: {
          schoolId: school.id,
          actorUserId: options.actorUserId ?? null,
          action: "school.created",
          targetType: "school",
          targetId: String(school.id),
        },
      });
      return school;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", { userMessage: m.uaiTaken(uai), cause: error });
    throw error;
  }
}

const ACTIVATION_RULE = { limit: 3, windowMs: 60 * 60_000 };

/**
 * Step 0 of the journey: someone types their school's UAI and an ADMIN invitation goes to the
 * school's official address (never to an address typed on the form), so only the school's own
 * mailbox can activate its space.
 */
export async function requestSchoolActivation(
  input: { uai: string },
  now = new Date(),
): Promise<{ maskedEmail: string }> {
  const schools = await prisma.school.findMany({
    where: { uai: input.uai, archivedAt: null },
    select: { id: true, name: true, uai: true, officialEmail: true },
    take: 2,
  });
  if (schools.length === 0)
    throw new DomainError("NOT_FOUND", { userMessage: membersMessages.activation.unknownUai(input.uai) });
  if (schools.length > 1)
    throw new DomainError("CONFLICT", { userMessage: membersMessages.activation.ambiguousUai(input.uai) });
  const school = schools[0]!;
  // Once the school has an ADMIN, newcomers are invited by them: a new ADMIN invitation to the
  // official mailbox would let whoever reads it take over the space. Nothing recorded, no e-mail.
  const admin = await prisma.member.findFirst({ where: { schoolId: school.id, role: "ADMIN" }, select: { id: true } });
  if (admin)
    throw new DomainError("CONFLICT", {
      userMessage: membersMessages.activation.alreadyActivated,
      details: { reason: "ALREADY_ACTIVATED" },
    });
  const officialEmail = school.officialEmail ? normalizeEmail(school.officialEmail) : "";
  if (!officialEmail) throw new DomainError("CONFLICT", { userMessage: membersMessages.activation.noOfficialEmail });

  // Protects the school's mailbox from being flooded by whoever knows its (public) UAI.
  const bucket = `school-activation:${school.id}`;
  const slot = await takeThrottleSlot({ bucket, ...ACTIVATION_RULE }, now);
  if (!slot.ok) {
    throw new DomainError("TOO_MANY_ATTEMPTS", {
      userMessage: membersMessages.activation.tooMany(Math.ceil(slot.retryAfterSeconds / 60)),
      details: { retryAfterSeconds: slot.retryAfterSeconds },
    });
  }

  const token = randomToken();
  await prisma
    .$transaction(async (tx) => {
      const invitation = await tx.invitation.create({
        data: {
          schoolId: school.id,
          email: officialEmail,
          role: "ADMIN",
          tokenHash: hashToken(token),
          invitedById: null,
          sentAt: now,
          createdAt: now,
          expiresAt: invitationExpiry(now),
        },
        select: { id: true },
      });
      await recordAudit(
        {
          schoolId: school.id,
          actorUserId: null,
          action: "school.activation_requested",
          targetType: "invitation",
          targetId: invitation.id,
          data: { role: "ADMIN" },
        },
        tx,
      );
    })
    .catch(async (error: unknown) => {
      await releaseThrottleSlot(slot); // nothing was sent: the request does not count
      throw error;
    });
  await sendMail({
    to: officialEmail,
    subject: membersMessages.mail.activationSubject(school.name),
    text: membersMessages.mail.activationBody(school.name, school.uai, invitationLink(token), INVITATION_VALIDITY_DAYS),
  });
  return { maskedEmail: maskEmail(officialEmail) };
}
