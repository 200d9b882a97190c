import "server-only";

import type { MemberRole, SessionKind } from "@/generated/prisma/client";
import { prisma, type DbClient } from "@/lib/db";
import { hashToken, randomToken } from "@/lib/tokens";

/**
 * Server-side sessions in PostgreSQL, so that every app instance sees the same sessions and a
 * sign-out or a role change takes effect everywhere at once. Framework-free: the cookie side
 * lives in session.ts; tests and benchmarks call these directly, with their own clock (`now`).
 *
 * Two limits (docs/decisions/003): an absolute one counted from the sign-in (`expires_at`, never
 * pushed back) and a sliding idle one counted from the last request (`last_seen_at`).
 */
export const SESSION_TTL_MS: Record<SessionKind, number> = {
  STAFF: 12 * 60 * 60 * 1000,
  STUDENT: 8 * 60 * 60 * 1000,
};

export const SESSION_IDLE_MS: Record<SessionKind, number> = {
  STAFF: 30 * 60 * 1000,
  STUDENT: 2 * 60 * 60 * 1000,
};

/**
 * `last_seen_at` is written at most once per interval and session, not on every request: a page
 * with a dozen parallel reads costs one conditional UPDATE a minute, and the idle limit is exact
 * to within this interval.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

/** The session's user, read with the session (one statement per request, see findSessionByToken). */
export type SessionUser = {
  firstName: string;
  lastName: string;
  email: string | null;
  cguAcceptedAt: Date | null;
};

/** A staff user's membership of an active (not archived) school, read with the session. */
export type SessionMembership = { role: MemberRole; school: { id: number; name: string; uai: string } };

export type SessionRecord = {
  id: string;
  userId: number;
  kind: SessionKind;
  currentSchoolId: number | null;
  expiresAt: Date;
  user: SessionUser;
  /** Staff sessions: the user's memberships of active schools, by school name. Students: empty. */
  memberships: SessionMembership[];
};

type SessionRow = {
  id: string;
  user_id: number;
  kind: SessionKind;
  current_school_id: number | null;
  expires_at: Date;
  last_seen_at: Date;
  first_name: string;
  last_name: string;
  email: string | null;
  cgu_accepted_at: Date | null;
  memberships: { role: MemberRole; id: number; name: string; uai: string }[] | null;
};

/** Creates a session and returns the cookie token (only its hash, the session id, is stored). */
export type PreparedSession = { token: string; sessionId: string; kind: SessionKind; createdAt: Date; expiresAt: Date };

/** A new session's token and row values, for a caller that writes the row in its own statement. */
export function prepareSessionRecord(kind: SessionKind, now: Date = new Date()): PreparedSession {
  const token = randomToken();
  return {
    token,
    sessionId: hashToken(token),
    kind,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS[kind]),
  };
}

export async function insertSessionRecord(
  session: PreparedSession,
  userId: number,
  currentSchoolId: number | null = null,
  db: DbClient = prisma,
): Promise<void> {
  await db.session.create({
    data: {
      id: session.sessionId,
      userId,
      kind: session.kind,
      currentSchoolId,
      createdAt: session.createdAt,
      lastSeenAt: session.createdAt,
      expiresAt: session.expiresAt,
    },
  });
}

export async function createSessionRecord(
  options: { userId: number; kind: SessionKind; currentSchoolId?: number | null; now?: Date },
  db: DbClient = prisma,
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const session = prepareSessionRecord(options.kind, options.now);
  await insertSessionRecord(session, options.userId, options.currentSchoolId ?? null, db);
  return { token: session.token, sessionId: session.sessionId, expiresAt: session.expiresAt };
}

function isLive(session: { kind: SessionKind; expiresAt: Date; lastSeenAt: Date }, now: Date): boolean {
  return (
    session.expiresAt.getTime() > now.getTime() &&
    now.getTime() - session.lastSeenAt.getTime() < SESSION_IDLE_MS[session.kind]
  );
}

/**
 * The live session behind a cookie token at `now`, or null (unknown, past its absolute limit or
 * idle for too long). Slides the idle limit: when the last recorded use is older than
 * SESSION_TOUCH_INTERVAL_MS, one conditional UPDATE moves it to `now`; parallel lookups race
 * for it harmlessly (the condition lets one through, the others match no row), and a session
 * that expired meanwhile is not revived.
 *
 * One statement reads the session, its user and (staff) the memberships with their schools: the
 * session gate of every request needs all three, so they are never read one after the other.
 */
export async function findSessionByToken(
  token: string,
  now: Date = new Date(),
  db: DbClient = prisma,
): Promise<SessionRecord | null> {
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s.id, s.user_id, s.kind::text AS kind, s.current_school_id, s.expires_at, s.last_seen_at,
           u.first_name, u.last_name, u.email, u.cgu_accepted_at,
           CASE WHEN s.kind = 'STAFF' THEN (
             SELECT json_agg(json_build_object('role', m.role::text, 'id', sc.id, 'name', sc.name, 'uai', sc.uai)
                             ORDER BY sc.name, sc.id)
               FROM members m JOIN schools sc ON sc.id = m.school_id
              WHERE m.user_id = s.user_id AND sc.archived_at IS NULL
           ) END AS memberships
      FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = ${hashToken(token)}`;
  if (!row) return null;
  const session = { id: row.id, kind: row.kind, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at };
  if (!isLive(session, now)) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    await db.session.updateMany({
      where: {
        id: session.id,
        lastSeenAt: {
          lte: new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS),
          gt: new Date(now.getTime() - SESSION_IDLE_MS[session.kind]),
        },
        expiresAt: { gt: now },
      },
      data: { lastSeenAt: now },
    });
  }
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    currentSchoolId: row.current_school_id,
    expiresAt: row.expires_at,
    user: {
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      cguAcceptedAt: row.cgu_accepted_at,
    },
    memberships: (row.memberships ?? []).map(({ role, ...school }) => ({ role, school })),
  };
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

/** Deletes the sessions past either limit at `now`. */
export async function pruneExpiredSessions(now: Date = new Date(), db: DbClient = prisma): Promise<number> {
  const idleSince = (kind: SessionKind) => new Date(now.getTime() - SESSION_IDLE_MS[kind]);
  const { count } = await db.session.deleteMany({
    where: {
      OR: [
        { expiresAt: { lte: now } },
        { kind: "STAFF", lastSeenAt: { lte: idleSince("STAFF") } },
        { kind: "STUDENT", lastSeenAt: { lte: idleSince("STUDENT") } },
      ],
    },
  });
  return count;
}
