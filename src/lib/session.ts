import "server-only";

import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import type { MemberRole, SessionKind } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { type AbilityActor, assertCan, can, type RoleAbility } from "@/lib/abilities";
import { DomainError } from "@/lib/errors";
import { createSessionRecord, deleteSessionByToken, findSessionByToken, type SessionRecord } from "@/lib/session-store";

export const SESSION_COOKIE = "pix_session";

/**
 * A school id proven to be the current school of a signed-in member, checked against the
 * members table on this request. Only the session gate below creates one (`readMemberContext`);
 * operator processes (seed, CLI) name their school with `operatorSchoolId` of src/lib/operator.ts.
 * Lint rule [session-gate] refuses a cast to it anywhere else.
 */
export type AuthorizedSchoolId = number & { readonly __brand: "AuthorizedSchoolId" };

export type MemberContext = AbilityActor & {
  sessionId: string;
  userId: number;
  firstName: string;
  lastName: string;
  email: string | null;
  hasAcceptedCgu: boolean;
  role: MemberRole;
  school: { id: AuthorizedSchoolId; name: string; uai: string };
  /** Every school the user is a member of, for the switcher. */
  schools: { id: number; name: string; uai: string; role: MemberRole }[];
};

export type StudentContext = {
  sessionId: string;
  userId: number;
  firstName: string;
  lastName: string;
  /** Read with the session on this request (the terms come before any campaign). */
  hasAcceptedCgu: boolean;
};

/** Secure everywhere but on the developer's own machine (plain http://localhost). */
export function isSecureCookie(): boolean {
  const { hostname, protocol } = new URL(env().APP_BASE_URL);
  const isLocal = hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
  return protocol === "https:" || !isLocal;
}

/**
 * Starts a session, replacing (rotating) the one the browser had. Call from actions/route
 * handlers. Returns the new session's id (e.g. to tie a SAML sign-in to it for single logout).
 */
export async function startSession(options: {
  userId: number;
  kind: SessionKind;
  currentSchoolId?: number | null;
}): Promise<{ sessionId: string }> {
  const jar = await cookies();
  const previous = jar.get(SESSION_COOKIE)?.value;
  if (previous) await deleteSessionByToken(previous);
  const { token, sessionId, expiresAt } = await createSessionRecord(options);
  await setSessionCookie({ token, expiresAt });
  return { sessionId };
}

/**
 * Signs the browser in to a session whose row a mutation has just written in its own transaction
 * (`prepareSessionRecord`): the reconciliation creates the account and its session together. A
 * previous session of this browser ends, as with `startSession`.
 */
export async function adoptPreparedSession(session: { token: string; expiresAt: Date }): Promise<void> {
  const previous = (await cookies()).get(SESSION_COOKIE)?.value;
  if (previous && previous !== session.token) await deleteSessionByToken(previous);
  await setSessionCookie(session);
}

async function setSessionCookie({ token, expiresAt }: { token: string; expiresAt: Date }): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureCookie(),
    path: "/",
    expires: expiresAt,
  });
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await deleteSessionByToken(token);
  jar.delete(SESSION_COOKIE);
}

export const getSession = cache(async (): Promise<SessionRecord | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return findSessionByToken(token);
});

/**
 * The session gate: the one way to get the signed-in staff member. Three faces of the same read
 * (cached per request): `getMemberContext()` (null when signed out: layouts, route handlers),
 * `memberOrRedirect()` (pages and loaders: sign-in page, CGU page, 404 for ADMIN-only) and
 * `requireMember()` (actions, via createAction: DomainError UNAUTHENTICATED / FORBIDDEN).
 *
 * The signed-in staff member and their current school, re-read from the database on every
 * request: a removed member or a changed role takes effect immediately. Returns null when there
 * is no staff session or no membership left.
 */
export const getMemberContext = cache(async (): Promise<MemberContext | null> => {
  const session = await getSession();
  return session ? readMemberContext(session) : null;
});

/**
 * The gate's decision, from a session record found by its token (which carries the user and their
 * memberships, read in the same statement): null unless it is a staff session whose user is still
 * a member of an active school. Exported for the test factory that signs a real member in
 * (tests/factories/session.ts); requests go through `getMemberContext`.
 */
export function readMemberContext(session: SessionRecord): MemberContext | null {
  if (session.kind !== "STAFF" || session.memberships.length === 0) return null;
  const { user, memberships } = session;
  const current = memberships.find((membership) => membership.school.id === session.currentSchoolId) ?? memberships[0]!;
  return {
    sessionId: session.id,
    userId: session.userId,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    hasAcceptedCgu: user.cguAcceptedAt !== null,
    role: current.role,
    school: { id: current.school.id as AuthorizedSchoolId, name: current.school.name, uai: current.school.uai },
    schools: memberships.map((membership) => ({ ...membership.school, role: membership.role })),
  };
}

export async function requireMember(options: { ability?: RoleAbility } = {}): Promise<MemberContext> {
  const member = await getMemberContext();
  if (!member) throw new DomainError("UNAUTHENTICATED");
  if (options.ability) assertCan(member, options.ability);
  return member;
}

export const getStudentContext = cache(async (): Promise<StudentContext | null> => {
  const session = await getSession();
  if (!session || session.kind !== "STUDENT") return null;
  return {
    sessionId: session.id,
    userId: session.userId,
    firstName: session.user.firstName,
    lastName: session.user.lastName,
    hasAcceptedCgu: session.user.cguAcceptedAt !== null,
  };
});

export async function requireStudent(): Promise<StudentContext> {
  const student = await getStudentContext();
  if (!student) throw new DomainError("UNAUTHENTICATED");
  return student;
}

/**
 * For Orga pages: the member context, or a redirect to the sign-in page (or to the terms of use
 * when not yet accepted). A page that needs an ability (src/lib/abilities.ts) passes it and is a
 * 404 for members without it, so that nothing about the page leaks.
 */
export async function memberOrRedirect(
  options: { ability?: RoleAbility; allowWithoutCgu?: boolean } = {},
): Promise<MemberContext> {
  const member = await getMemberContext();
  if (!member) redirect("/orga/connexion");
  if (!member.hasAcceptedCgu && !options.allowWithoutCgu) redirect("/orga/cgu");
  if (options.ability && !can(member, options.ability)) notFound();
  return member;
}
