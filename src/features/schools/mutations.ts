import "server-only";

import { prisma } from "@/lib/db";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import { isWellFormedUai, normalizeUai } from "@/features/members/domain/uai";
import { schoolMessages as m } from "@/messages/fr/schools";

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
