import "server-only";

import type { SessionKind } from "@/generated/prisma/client";
import { prisma, type DbClient } from "@/lib/db";
import { hashToken, randomToken } from "@/lib/tokens";

/**
 * Server-side sessions in PostgreSQL, so that every app instance sees the same sessions and a
 * sign-out or a role change takes effect everywhere at once. Framework-free: the cookie side
 * lives in session.ts; tests and benchmarks call these directly.
 */
export const SESSION_TTL_MS: Record<SessionKind, number> = {
  STAFF: 12 * 60 * 60 * 1000,
  STUDENT: 8 * 60 * 60 * 1000,
};

export type SessionRecord = {
  id: string;
  userId: number;
  kind: SessionKind;
  currentSchoolId: number | null;
  expiresAt: Date;
};

/** Creates a session and returns the cookie token (only its hash is stored). */
export async function createSessionRecord(
  options: { userId: number; kind: SessionKind; currentSchoolId?: number | null },
  db: DbClient = prisma,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS[options.kind]);
  await db.session.create({
    data: {
      id: hashToken(token),
      userId: options.userId,
      kind: options.kind,
      currentSchoolId: options.currentSchoolId ?? null,
      expiresAt,
    },
  });
  return { token, expiresAt };
}

export async function findSessionByToken(token: string, db: DbClient = prisma): Promise<SessionRecord | null> {
  const session = await db.session.findUnique({
    where: { id: hashToken(token) },
    select: { id: true, userId: true, kind: true, currentSchoolId: true, expiresAt: true },
  });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  return session;
}

export async function deleteSessionByToken(token: string, db: DbClient = prisma): Promise<void> {
  await db.session.deleteMany({ where: { id: hashToken(token) } });
}

/** Signs a user out everywhere (password reset, removal from a school, role change). */
export async function deleteUserSessions(userId: number, db: DbClient = prisma): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}

export async function setSessionSchool(sessionId: string, schoolId: number, db: DbClient = prisma): Promise<void> {
  await db.session.update({ where: { id: sessionId }, data: { currentSchoolId: schoolId } });
}

export async function pruneExpiredSessions(db: DbClient = prisma): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}
