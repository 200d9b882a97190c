import type { MemberRole } from "../../src/generated/prisma/client";
import { prisma } from "../../src/lib/db";
import { hashPassword } from "../../src/lib/password";
import { hashToken, randomToken } from "../../src/lib/tokens";

let sequence = 0;
const next = () => ++sequence;

export async function createSchool(
  overrides: Partial<{
    name: string;
    uai: string;
    officialEmail: string | null;
    isGarEnabled: boolean;
    managesStudents: boolean;
  }> = {},
) {
  const n = next();
  return prisma.school.create({
    data: {
      name: overrides.name ?? `Collège de test ${n}`,
      uai: (overrides.uai ?? `09${String(90000 + n).padStart(5, "0")}`.slice(0, 7) + "Z").toUpperCase(),
      officialEmail: overrides.officialEmail === undefined ? `ce.test${n}@ac-test.fr` : overrides.officialEmail,
      isGarEnabled: overrides.isGarEnabled ?? true,
      managesStudents: overrides.managesStudents ?? true,
    },
  });
}

// Hashing is deliberately slow; factories reuse one hash for the common test password.
let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "Mot-de-passe-test-1";

export async function createStaffUser(
  overrides: Partial<{
    email: string;
    firstName: string;
    lastName: string;
    password: string;
    cguAccepted: boolean;
  }> = {},
) {
  const n = next();
  const passwordHash =
    overrides.password && overrides.password !== TEST_PASSWORD
      ? await hashPassword(overrides.password)
      : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  return prisma.user.create({
    data: {
      firstName: overrides.firstName ?? "Camille",
      lastName: overrides.lastName ?? `Durand${n}`,
      email: (overrides.email ?? `staff${n}@example.test`).toLowerCase(),
      cguAcceptedAt: overrides.cguAccepted === false ? null : new Date(),
      authenticationMethods: { create: { provider: "PASSWORD", passwordHash } },
    },
  });
}

export async function createMember(options: { schoolId: number; role?: MemberRole; userId?: number; email?: string }) {
  const userId = options.userId ?? (await createStaffUser({ email: options.email })).id;
  const member = await prisma.member.create({
    data: { schoolId: options.schoolId, userId, role: options.role ?? "MEMBER" },
    include: { user: true },
  });
  return member;
}

/** The active school of a UAI (the demo school, a school a journey created). */
export async function schoolByUai(uai: string) {
  return prisma.school.findFirstOrThrow({ where: { uai, archivedAt: null } });
}

export async function userByEmail(email: string) {
  return prisma.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
}

/** A pending invitation as the team page would send it; returns the link's token. */
export async function createInvitation(options: { schoolId: number; email: string; role?: MemberRole }) {
  const token = randomToken();
  await prisma.invitation.create({
    data: {
      schoolId: options.schoolId,
      email: options.email.toLowerCase(),
      role: options.role ?? "MEMBER",
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 24 * 60 * 60_000),
    },
  });
  return token;
}

/** A password reset link valid for an hour; returns its token. */
export async function createPasswordResetToken(userId: number) {
  const token = randomToken();
  await prisma.passwordResetToken.create({
    data: { userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 60 * 60_000) },
  });
  return token;
}
