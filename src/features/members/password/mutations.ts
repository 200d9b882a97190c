import "server-only";

import { sendMail } from "@/features/mail/mutations";
import { recordAudit } from "@/lib/audit";
import { prisma } from "@/lib/db";
import { env, sessionSecret } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/password";
import { deleteUserSessions } from "@/lib/session-store";
import { releaseThrottleSlot, takeThrottleSlot } from "@/lib/throttle";
import { hashToken, randomToken } from "@/lib/tokens";
import { membersMessages as m } from "@/messages/fr/members";

import { emailBucket, normalizeEmail } from "../domain/email-list";
import { PASSWORD_RESET_VALIDITY_MINUTES, passwordResetExpiry } from "../domain/team-rules";

function passwordResetLink(token: string): string {
  return new URL(`/orga/reinitialiser/${token}`, env().APP_BASE_URL).toString();
}

/* ─────────────────────────── passwords ─────────────────────────── */

const RESET_REQUEST_RULE = { limit: 3, windowMs: 15 * 60_000 };

/**
 * E-mails a one-time reset link when the address has a staff account. The caller always shows
 * the same confirmation, whether or not an account exists.
 */
export async function requestPasswordReset(input: { email: string }, now = new Date()): Promise<void> {
  const email = normalizeEmail(input.email);
  const bucket = emailBucket("password-reset", email, sessionSecret());
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
