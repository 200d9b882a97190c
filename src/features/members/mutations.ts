import "server-only";

import { createHmac } from "node:crypto";

import { sendMail } from "@/features/mail/mutations";
import { assertCan } from "@/lib/abilities";
import { type AuditEntry, recordAudit } from "@/lib/audit";
import { prisma, type DbClient, Prisma } from "@/lib/db";
import { env, sessionSecret } from "@/lib/env";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { hashPassword, verifyPassword } from "@/lib/password";
import { deleteUserSessions, setSessionSchool } from "@/lib/session-store";
import { releaseThrottleSlot, takeThrottleSlot, type ThrottleRule } from "@/lib/throttle";
import { hashToken, randomToken } from "@/lib/tokens";
import { membersMessages as m } from "@/messages/fr/members";

import { maskEmail } from "./domain/email-mask";
import { normalizeEmail } from "./domain/email-list";
import {
  describeLock,
  describeNextLock,
  type LockInForce,
  type LockoutState,
  MAX_FAILED_SIGN_INS,
  nextLock,
} from "./domain/sign-in-lockout";
import {
  INVITATION_VALIDITY_DAYS,
  invitationExpiry,
  invitationStatus,
  PASSWORD_RESET_VALIDITY_MINUTES,
  passwordResetExpiry,
  wouldRemoveLastAdmin,
} from "./domain/team-rules";
import type { Actor, MemberRole } from "./types";

/* ───────────────────────────── helpers ───────────────────────────── */

/**
 * Throttle buckets must not hold personal data, yet must be per e-mail: a keyed hash (HMAC with
 * the server secret) cannot be reversed by hashing a list of known addresses.
 */
function emailBucket(prefix: string, email: string): string {
  return `${prefix}:${createHmac("sha256", sessionSecret()).update(normalizeEmail(email)).digest("hex").slice(0, 32)}`;
}

async function audit(db: DbClient, entry: AuditEntry): Promise<void> {
  await recordAudit(entry, db);
}

function appUrl(pathname: string): string {
  return new URL(pathname, env().APP_BASE_URL).toString();
}

export function invitationLink(token: string): string {
  return appUrl(`/orga/invitations/${token}`);
}

export function passwordResetLink(token: string): string {
  return appUrl(`/orga/reinitialiser/${token}`);
}

let dummyHash: Promise<string> | undefined;

/** Same cost as a real check, so response times do not tell which e-mails have an account. */
async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-only-for-timing");
  await verifyPassword(password, await dummyHash);
}

/* ───────────────────────────── sign-in ───────────────────────────── */

export type AuthenticateResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "INVALID_CREDENTIALS" }
  | { ok: false; reason: "BLOCKED"; minutesLeft: number }
  | { ok: false; reason: "BLOCKED_UNTIL_UNBLOCKED" }
  | { ok: false; reason: "ADDRESS_BLOCKED"; minutesLeft: number };

/**
 * Wrong staff passwords per client address, whatever the account (known or not): one client
 * cannot lock every account it knows. A school's staff share an address; 30 in 15 minutes is
 * far above their typos.
 */
export const FAILED_SIGN_INS_PER_ADDRESS = { limit: 30, windowMs: 15 * 60_000 } as const;
/** An attempt that reserved the last slot and never finished (a crashed instance) stops counting after this. */
const STALE_ATTEMPT_MS = 60_000;

function addressRule(clientAddress: string): ThrottleRule {
  return { bucket: emailBucket("sign-in-address", clientAddress), ...FAILED_SIGN_INS_PER_ADDRESS };
}

type LockRow = { failed_sign_in_count: number; blocked_until: Date | null; sign_in_lock_count: number };

function stateOf(row: LockRow | undefined): LockoutState {
  return {
    failedSignInCount: row?.failed_sign_in_count ?? 0,
    blockedUntil: row?.blocked_until ?? null,
    signInLockCount: row?.sign_in_lock_count ?? 0,
  };
}

const ts = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

/**
 * Where an account's failures and lock are counted: the user row, or for an e-mail without a
 * staff account a row keyed by its HMAC, with the same rules and statements, so both answer alike.
 */
type LockoutStore = {
  /** Atomically counts one more attempt; null when a lock is in force or the last attempt is already in flight. */
  reserve(now: Date): Promise<LockRow | null>;
  read(): Promise<LockoutState>;
  /** Gives back a reserved attempt whose password was not checked (the address cap refused it). */
  unreserve(now: Date): Promise<void>;
  /** Sets the lock this attempt earned, unless another lock was set meanwhile (or a success reset the progression). */
  lock(reserved: LockRow, now: Date): Promise<LockoutState | null>;
  /** Clears the count, unless a lock is in force (a success never lifts a lock). */
  succeed(now: Date): Promise<boolean>;
};

function userLockoutStore(userId: number): LockoutStore {
  return {
    async reserve(now) {
      const stale = new Date(now.getTime() - STALE_ATTEMPT_MS);
      const rows = await prisma.$queryRaw<LockRow[]>`
        UPDATE users SET
          failed_sign_in_count = CASE WHEN blocked_until IS NOT NULL THEN 1 ELSE failed_sign_in_count + 1 END,
          blocked_until = NULL, updated_at = ${ts(now)}
        WHERE id = ${userId} AND (blocked_until IS NULL OR blocked_until <= ${ts(now)})
          AND (blocked_until IS NOT NULL OR failed_sign_in_count < ${MAX_FAILED_SIGN_INS} OR updated_at < ${ts(stale)})
        RETURNING failed_sign_in_count, blocked_until, sign_in_lock_count`;
      return rows[0] ?? null;
    },
    async read() {
      const rows = await prisma.$queryRaw<LockRow[]>`
        SELECT failed_sign_in_count, blocked_until, sign_in_lock_count FROM users WHERE id = ${userId}`;
      return stateOf(rows[0]);
    },
    async unreserve(now) {
      await prisma.$executeRaw`
        UPDATE users SET failed_sign_in_count = failed_sign_in_count - 1
        WHERE id = ${userId} AND failed_sign_in_count > 0 AND (blocked_until IS NULL OR blocked_until <= ${ts(now)})`;
    },
    async lock(reserved, now) {
      const next = nextLock(stateOf(reserved), now);
      const updated = await prisma.$executeRaw`
        UPDATE users SET failed_sign_in_count = 0, blocked_until = ${ts(next.blockedUntil)},
          sign_in_lock_count = ${next.signInLockCount}, updated_at = ${ts(now)}
        WHERE id = ${userId} AND sign_in_lock_count = ${reserved.sign_in_lock_count}
          AND (blocked_until IS NULL OR blocked_until <= ${ts(now)})`;
      return updated === 1 ? next : null;
    },
    async succeed(now) {
      const updated = await prisma.$executeRaw`
        UPDATE users SET failed_sign_in_count = 0, sign_in_lock_count = 0, blocked_until = NULL,
          last_logged_at = ${ts(now)}, updated_at = ${ts(now)}
        WHERE id = ${userId} AND (blocked_until IS NULL OR blocked_until <= ${ts(now)})`;
      return updated === 1;
    },
  };
}

function unknownAccountLockoutStore(keyHash: string): LockoutStore {
  return {
    async reserve(now) {
      const stale = new Date(now.getTime() - STALE_ATTEMPT_MS);
      const rows = await prisma.$queryRaw<LockRow[]>`
        INSERT INTO unknown_account_sign_ins AS s (key_hash, failed_sign_in_count, updated_at) VALUES (${keyHash}, 1, ${ts(now)})
        ON CONFLICT (key_hash) DO UPDATE SET
          failed_sign_in_count = CASE WHEN s.blocked_until IS NOT NULL THEN 1 ELSE s.failed_sign_in_count + 1 END,
          blocked_until = NULL, updated_at = ${ts(now)}
        WHERE (s.blocked_until IS NULL OR s.blocked_until <= ${ts(now)})
          AND (s.blocked_until IS NOT NULL OR s.failed_sign_in_count < ${MAX_FAILED_SIGN_INS} OR s.updated_at < ${ts(stale)})
        RETURNING failed_sign_in_count, blocked_until, sign_in_lock_count`;
      return rows[0] ?? null;
    },
    async read() {
      const rows = await prisma.$queryRaw<LockRow[]>`
        SELECT failed_sign_in_count, blocked_until, sign_in_lock_count FROM unknown_account_sign_ins WHERE key_hash = ${keyHash}`;
      return stateOf(rows[0]);
    },
    async unreserve(now) {
      await prisma.$executeRaw`
        UPDATE unknown_account_sign_ins SET failed_sign_in_count = failed_sign_in_count - 1
        WHERE key_hash = ${keyHash} AND failed_sign_in_count > 0 AND (blocked_until IS NULL OR blocked_until <= ${ts(now)})`;
    },
    async lock(reserved, now) {
      const next = nextLock(stateOf(reserved), now);
      const updated = await prisma.$executeRaw`
        UPDATE unknown_account_sign_ins SET failed_sign_in_count = 0, blocked_until = ${ts(next.blockedUntil)},
          sign_in_lock_count = ${next.signInLockCount}, updated_at = ${ts(now)}
        WHERE key_hash = ${keyHash} AND sign_in_lock_count = ${reserved.sign_in_lock_count}
          AND (blocked_until IS NULL OR blocked_until <= ${ts(now)})`;
      return updated === 1 ? next : null;
    },
    async succeed() {
      return false;
    },
  };
}

function blockedResult(lock: LockInForce): AuthenticateResult {
  return lock.kind === "UNTIL_UNBLOCKED"
    ? { ok: false, reason: "BLOCKED_UNTIL_UNBLOCKED" }
    : { ok: false, reason: "BLOCKED", minutesLeft: lock.minutesLeft };
}

/**
 * Checks a staff e-mail and password. The attempt is counted atomically in PostgreSQL BEFORE the
 * hash is computed (one conditional UPDATE … RETURNING), so parallel requests get at most ten
 * checks; the tenth wrong password locks the account, each lock longer than the last
 * (domain/sign-in-lockout.ts), and a right password never lifts a lock in force. Failures are
 * also capped per client address (keyed hash only). Unknown addresses get the same answers,
 * locks and timing, so the form does not reveal who has an account.
 */
export async function authenticateStaff(
  input: { email: string; password: string; clientAddress?: string },
  now = new Date(),
): Promise<AuthenticateResult> {
  const email = normalizeEmail(input.email);
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, authenticationMethods: { where: { provider: "PASSWORD" }, select: { passwordHash: true } } },
  });
  const passwordHash = user?.authenticationMethods[0]?.passwordHash;
  const store =
    user && passwordHash
      ? userLockoutStore(user.id)
      : unknownAccountLockoutStore(emailBucket("sign-in-unknown", email));

  // 1. The account's own count, atomically, before anything else: refused without a check.
  const reserved = await store.reserve(now);
  if (!reserved) {
    const state = await store.read();
    return blockedResult(describeLock(state, now) ?? describeNextLock(state, now));
  }
  // 2. The client address's cap on failures; refused: the account's attempt is given back.
  const addressSlot = await takeThrottleSlot(addressRule(input.clientAddress ?? "unknown"), now);
  if (!addressSlot.ok) {
    await store.unreserve(now);
    logger.warn("sign_in.address_capped", {});
    return { ok: false, reason: "ADDRESS_BLOCKED", minutesLeft: Math.ceil(addressSlot.retryAfterSeconds / 60) };
  }

  let right = false;
  if (passwordHash) right = await verifyPassword(input.password, passwordHash);
  else await burnPasswordCheck(input.password);

  if (right) {
    await releaseThrottleSlot(addressSlot);
    if (await store.succeed(now)) return { ok: true, userId: user!.id };
    const state = await store.read();
    return blockedResult(describeLock(state, now) ?? describeNextLock(state, now));
  }

  if (reserved.failed_sign_in_count >= MAX_FAILED_SIGN_INS) {
    const locked = await store.lock(reserved, now);
    if (locked) {
      if (user && passwordHash)
        logger.warn("sign_in.account_blocked", { userId: user.id, lockNumber: locked.signInLockCount });
      return blockedResult(describeLock(locked, now)!);
    }
  }
  return { ok: false, reason: "INVALID_CREDENTIALS" };
}

/** Moves a session to another of the user's schools, after checking the membership. */
export async function switchSchool(options: { sessionId: string; userId: number; schoolId: number }): Promise<void> {
  const membership = await prisma.member.findFirst({
    where: { userId: options.userId, schoolId: options.schoolId, school: { archivedAt: null } },
    select: { id: true },
  });
  if (!membership) throw new DomainError("NOT_FOUND", { userMessage: m.errors.notMember });
  await setSessionSchool(options.sessionId, options.schoolId);
}

export async function acceptCgu(userId: number, now = new Date()): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId, cguAcceptedAt: null }, data: { cguAcceptedAt: now } });
}

/* ─────────────────────────── passwords ─────────────────────────── */

const RESET_REQUEST_RULE = { limit: 3, windowMs: 15 * 60_000 };

/**
 * E-mails a one-time reset link when the address has a staff account. The caller always shows
 * the same confirmation, whether or not an account exists.
 */
export async function requestPasswordReset(input: { email: string }, now = new Date()): Promise<void> {
  const email = normalizeEmail(input.email);
  const bucket = emailBucket("password-reset", email);
  // Every request counts, taken atomically: parallel requests cannot all pass.
  const slot = await takeThrottleSlot({ bucket, ...RESET_REQUEST_RULE }, now);
  if (!slot.ok) {
    const minutes = Math.ceil(slot.retryAfterSeconds / 60);
    throw new DomainError("TOO_MANY_ATTEMPTS", {
      userMessage: m.forgotPassword.tooMany(minutes),
      details: { retryAfterSeconds: slot.retryAfterSeconds },
    });
  }

  const user = await prisma.user.findFirst({
    where: { email, authenticationMethods: { some: { provider: "PASSWORD" } } },
    select: { id: true, email: true },
  });
  if (!user?.email) return;
  const token = randomToken();
  await prisma.passwordResetToken.create({
    data: { userId: user.id, tokenHash: hashToken(token), createdAt: now, expiresAt: passwordResetExpiry(now) },
  });
  await sendMail({
    to: user.email,
    subject: m.mail.resetSubject,
    text: m.mail.resetBody(passwordResetLink(token), PASSWORD_RESET_VALIDITY_MINUTES),
  });
}

/**
 * Sets a new password from a reset link. The link works once; the account is unblocked (the
 * person proved they own the mailbox) and every session of the user is closed.
 */
export async function resetPassword(
  input: { token: string; password: string },
  now = new Date(),
): Promise<{ userId: number }> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: { id: true, userId: true, usedAt: true, expiresAt: true },
    });
    if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) {
      throw new DomainError("NOT_FOUND", { userMessage: m.resetPassword.invalidLink });
    }
    const claimed = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new DomainError("NOT_FOUND", { userMessage: m.resetPassword.invalidLink });
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    await tx.authenticationMethod.upsert({
      where: { provider_userId: { provider: "PASSWORD", userId: row.userId } },
      update: { passwordHash },
      create: { provider: "PASSWORD", userId: row.userId, passwordHash },
    });
    await tx.user.update({ where: { id: row.userId }, data: { failedSignInCount: 0, blockedUntil: null } });
    await deleteUserSessions(row.userId, tx);
    return { userId: row.userId };
  });
}

const CHANGE_PASSWORD_RULE = { limit: 5, windowMs: 15 * 60_000 };

/** Changes the password of a signed-in user; other sessions are closed, this one is kept. */
export async function changePassword(
  input: { userId: number; sessionId: string; currentPassword: string; password: string },
  now = new Date(),
): Promise<void> {
  const bucket = `change-password:${input.userId}`;
  // The slot is taken before the check (so parallel guesses are bounded) and given back when right.
  const slot = await takeThrottleSlot({ bucket, ...CHANGE_PASSWORD_RULE }, now);
  if (!slot.ok) {
    throw new DomainError("TOO_MANY_ATTEMPTS", {
      userMessage: m.forgotPassword.tooMany(Math.ceil(slot.retryAfterSeconds / 60)),
      details: { retryAfterSeconds: slot.retryAfterSeconds },
    });
  }
  const method = await prisma.authenticationMethod.findUnique({
    where: { provider_userId: { provider: "PASSWORD", userId: input.userId } },
    select: { passwordHash: true },
  });
  if (!method?.passwordHash || !(await verifyPassword(input.currentPassword, method.passwordHash))) {
    throw new DomainError("INVALID_INPUT", {
      userMessage: m.account.wrongCurrentPassword,
      details: { field: "currentPassword" },
    });
  }
  await releaseThrottleSlot(slot);
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    await tx.authenticationMethod.update({
      where: { provider_userId: { provider: "PASSWORD", userId: input.userId } },
      data: { passwordHash },
    });
    await tx.session.deleteMany({ where: { userId: input.userId, id: { not: input.sessionId } } });
  });
}

/* ─────────────────────────── activation ─────────────────────────── */

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
  if (schools.length === 0) throw new DomainError("NOT_FOUND", { userMessage: m.activation.unknownUai(input.uai) });
  if (schools.length > 1) throw new DomainError("CONFLICT", { userMessage: m.activation.ambiguousUai(input.uai) });
  const school = schools[0]!;
  // Once the school has an ADMIN, newcomers are invited by them: a new ADMIN invitation to the
  // official mailbox would let whoever reads it take over the space. Nothing recorded, no e-mail.
  const admin = await prisma.member.findFirst({ where: { schoolId: school.id, role: "ADMIN" }, select: { id: true } });
  if (admin)
    throw new DomainError("CONFLICT", {
      userMessage: m.activation.alreadyActivated,
      details: { reason: "ALREADY_ACTIVATED" },
    });
  const officialEmail = school.officialEmail ? normalizeEmail(school.officialEmail) : "";
  if (!officialEmail) throw new DomainError("CONFLICT", { userMessage: m.activation.noOfficialEmail });

  // Protects the school's mailbox from being flooded by whoever knows its (public) UAI.
  const bucket = `school-activation:${school.id}`;
  const slot = await takeThrottleSlot({ bucket, ...ACTIVATION_RULE }, now);
  if (!slot.ok) {
    throw new DomainError("TOO_MANY_ATTEMPTS", {
      userMessage: m.activation.tooMany(Math.ceil(slot.retryAfterSeconds / 60)),
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
      await audit(tx, {
        schoolId: school.id,
        actorUserId: null,
        action: "school.activation_requested",
        targetType: "invitation",
        targetId: invitation.id,
        data: { role: "ADMIN" },
      });
    })
    .catch(async (error: unknown) => {
      await releaseThrottleSlot(slot); // nothing was sent: the request does not count
      throw error;
    });
  await sendMail({
    to: officialEmail,
    subject: m.mail.activationSubject(school.name),
    text: m.mail.activationBody(school.name, school.uai, invitationLink(token), INVITATION_VALIDITY_DAYS),
  });
  return { maskedEmail: maskEmail(officialEmail) };
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
      await audit(tx, {
        schoolId: actor.schoolId,
        actorUserId: actor.userId,
        action: "member.invited",
        targetType: "invitation",
        targetId: invitation.id,
        data: { role: input.role, renewed: pending !== null },
      });
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
    await audit(tx, {
      schoolId: actor.schoolId,
      actorUserId: actor.userId,
      action: "invitation.resent",
      targetType: "invitation",
      targetId: invitation.id,
    });
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
    await audit(tx, {
      schoolId: actor.schoolId,
      actorUserId: actor.userId,
      action: "invitation.cancelled",
      targetType: "invitation",
      targetId: invitation.id,
    });
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
): Promise<{ schoolId: number; memberId: number; role: MemberRole }> {
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
    await audit(tx, {
      schoolId: invitation.schoolId,
      actorUserId: input.userId,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: invitation.id,
      data: { memberId: member.id, role: member.role, alreadyMember: existing !== null },
    });
    return { schoolId: invitation.schoolId, memberId: member.id, role: member.role };
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
): Promise<{ userId: number; schoolId: number }> {
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
      return { userId: user.id, schoolId: accepted.schoolId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", { userMessage: m.invitation.emailTaken, details: { field: "email" } });
    }
    throw error;
  }
}

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
    await audit(tx, {
      schoolId: actor.schoolId,
      actorUserId: actor.userId,
      action: "member.role_changed",
      targetType: "member",
      targetId: target.id,
      data: { userId: target.userId, from: target.role, to: input.role },
    });
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
    await audit(tx, {
      schoolId: actor.schoolId,
      actorUserId: actor.userId,
      action,
      targetType: "member",
      targetId: target.id,
      data: { userId: target.userId, role: target.role },
    });
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
    await audit(tx, {
      schoolId: actor.schoolId,
      actorUserId: actor.userId,
      action: "member.unblocked",
      targetType: "member",
      targetId: target.id,
      data: { userId: target.userId },
    });
  });
}
