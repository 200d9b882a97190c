import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { listOutboxEntries } from "@/features/mail/data";
import { prisma } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { authorizedSchoolId } from "../../../tests/factories/session";
import { createSessionRecord } from "@/lib/session-store";
import { passwordVerificationCount } from "@/lib/password";
import { hashToken } from "@/lib/tokens";

import { EXIT, runCli } from "../../../scripts/cli";
import { createCampaign } from "../../../tests/factories/campaigns";
import { createMember, createSchool, createStaffUser, TEST_PASSWORD } from "../../../tests/factories/schools";
import { requestSchoolActivation } from "../schools/mutations";
import { getInvitationPreview, listPendingInvitations } from "./invitations/data";
import {
  acceptInvitation,
  cancelInvitation,
  createAccountAndAcceptInvitation,
  inviteMembers,
  resendInvitation,
} from "./invitations/mutations";
import { isPasswordResetTokenUsable } from "./password/data";
import { changePassword, requestPasswordReset, resetPassword } from "./password/mutations";
import { acceptCgu, authenticateStaff, switchSchool } from "./sign-in/mutations";
import { listTeamMembers } from "./team/data";
import { changeMemberRole, leaveSchool, removeMember, unblockMember } from "./team/mutations";
import type { Actor, MemberRole } from "./types";

let outboxDir: string;

beforeAll(() => {
  outboxDir = mkdtempSync(path.join(tmpdir(), "pix-outbox-members-"));
  process.env.OUTBOX_DIR = outboxDir;
  delete process.env.SMTP_URL;
  resetEnvForTests();
});

beforeEach(() => {
  rmSync(outboxDir, { recursive: true, force: true });
});

afterAll(() => {
  rmSync(outboxDir, { recursive: true, force: true });
  resetEnvForTests();
});

/** The member signed in through the session gate, acting with `role` (as read at the start of a request). */
async function actorOf(member: { userId: number; schoolId: number; role: MemberRole }): Promise<Actor> {
  return {
    userId: member.userId,
    schoolId: await authorizedSchoolId(member.schoolId, { userId: member.userId }),
    role: member.role,
  };
}

/** Runs `fn` and returns the DomainError it throws (fails the test if it does not). */
async function domainError(fn: () => Promise<unknown>): Promise<DomainError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

/** The token of the last link e-mailed to `to`, read from the outbox like a person would. */
async function lastLinkTo(to: string, pattern: RegExp): Promise<string> {
  const entries = await listOutboxEntries();
  const entry = entries.find((candidate) => candidate.to === to);
  if (!entry) throw new Error(`no mail to ${to}`);
  const match = entry.text.match(pattern);
  if (!match?.[1]) throw new Error(`no link in mail to ${to}`);
  return match[1];
}
const invitationToken = (to: string) => lastLinkTo(to, /\/orga\/invitations\/([A-Za-z0-9_-]+)/);
const resetToken = (to: string) => lastLinkTo(to, /\/orga\/reinitialiser\/([A-Za-z0-9_-]+)/);

async function auditRows() {
  return prisma.auditLog.findMany({ orderBy: { id: "asc" } });
}

describe("authenticateStaff", () => {
  it("signs in with the right password, case-insensitive e-mail, and resets the failure count", async () => {
    const user = await createStaffUser({ email: "claire@college.fr" });
    await prisma.user.update({ where: { id: user.id }, data: { failedSignInCount: 4 } });
    const result = await authenticateStaff({ email: "Claire@College.FR", password: TEST_PASSWORD });
    expect(result).toEqual({ ok: true, userId: user.id });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.failedSignInCount).toBe(0);
    expect(after.lastLoggedAt).not.toBeNull();
  });

  it("blocks the account at the tenth wrong password, even for the right one, until the lock ends", async () => {
    const user = await createStaffUser({ email: "karim@college.fr" });
    const now = new Date();
    for (let i = 1; i <= 9; i += 1) {
      expect(await authenticateStaff({ email: user.email!, password: `faux-${i}` }, now)).toEqual({
        ok: false,
        reason: "INVALID_CREDENTIALS",
      });
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignInCount).toBe(9);
    expect(await authenticateStaff({ email: user.email!, password: "faux-10" }, now)).toEqual({
      ok: false,
      reason: "BLOCKED",
      minutesLeft: 15,
    });
    expect(await authenticateStaff({ email: user.email!, password: TEST_PASSWORD }, now)).toMatchObject({
      ok: false,
      reason: "BLOCKED",
    });
    const blocked = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(blocked.blockedUntil!.getTime()).toBe(now.getTime() + 15 * 60_000);

    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await authenticateStaff({ email: user.email!, password: TEST_PASSWORD }, later)).toEqual({
      ok: true,
      userId: user.id,
    });
  });

  it("counts simultaneous wrong passwords one by one", async () => {
    const user = await createStaffUser();
    await Promise.all(
      Array.from({ length: 4 }, (_, i) => authenticateStaff({ email: user.email!, password: `faux-${i}` })),
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignInCount).toBe(4);
  });

  it("answers an unknown e-mail exactly like a wrong password, blocking after ten tries too", async () => {
    const now = new Date();
    for (let i = 1; i <= 9; i += 1) {
      expect(await authenticateStaff({ email: "personne@nulle-part.fr", password: "x" }, now)).toEqual({
        ok: false,
        reason: "INVALID_CREDENTIALS",
      });
    }
    expect(await authenticateStaff({ email: "personne@nulle-part.fr", password: "x" }, now)).toMatchObject({
      ok: false,
      reason: "BLOCKED",
    });
    const buckets = await prisma.throttleEvent.findMany({ select: { bucket: true } });
    expect(buckets.every((row) => !row.bucket.includes("personne"))).toBe(true);
  });

  it("refuses students (no password method)", async () => {
    const student = await prisma.user.create({ data: { firstName: "Élève", lastName: "GAR", email: "eleve@x.fr" } });
    expect(await authenticateStaff({ email: student.email!, password: "anything" })).toEqual({
      ok: false,
      reason: "INVALID_CREDENTIALS",
    });
  });
});

describe("password reset", () => {
  it("e-mails a one-time link that sets a new password, unblocks, and closes every session", async () => {
    const user = await createStaffUser({ email: "reset@college.fr" });
    await prisma.user.update({
      where: { id: user.id },
      data: { failedSignInCount: 0, blockedUntil: new Date(Date.now() + 600_000) },
    });
    await createSessionRecord({ userId: user.id, kind: "STAFF" });

    await requestPasswordReset({ email: "RESET@college.fr" });
    const token = await resetToken("reset@college.fr");
    expect(await isPasswordResetTokenUsable(token)).toBe(true);
    const stored = await prisma.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashToken(token));

    await resetPassword({ token, password: "Un nouveau mot de passe" });
    expect(await authenticateStaff({ email: user.email!, password: "Un nouveau mot de passe" })).toEqual({
      ok: true,
      userId: user.id,
    });
    expect(await authenticateStaff({ email: user.email!, password: TEST_PASSWORD })).toMatchObject({ ok: false });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);

    const reuse = await domainError(() => resetPassword({ token, password: "Encore un autre mot" }));
    expect(reuse.code).toBe("NOT_FOUND");
    expect(reuse.userMessage).toMatch(/n'est plus valable/);
    expect(await isPasswordResetTokenUsable(token)).toBe(false);
  });

  it("sends nothing for an unknown address and says nothing about it", async () => {
    await expect(requestPasswordReset({ email: "inconnu@college.fr" })).resolves.toBeUndefined();
    expect(await listOutboxEntries()).toHaveLength(0);
    expect(await prisma.passwordResetToken.count()).toBe(0);
  });

  it("refuses an expired link and changes nothing", async () => {
    const user = await createStaffUser({ email: "expire@college.fr" });
    const past = new Date(Date.now() - 2 * 3_600_000);
    await requestPasswordReset({ email: user.email! }, past);
    const token = await resetToken(user.email!);
    expect((await domainError(() => resetPassword({ token, password: "Un nouveau mot de passe" }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await authenticateStaff({ email: user.email!, password: TEST_PASSWORD })).toMatchObject({ ok: true });
  });

  it("limits requests per address", async () => {
    await createStaffUser({ email: "spam@college.fr" });
    for (let i = 0; i < 3; i += 1) await requestPasswordReset({ email: "spam@college.fr" });
    const error = await domainError(() => requestPasswordReset({ email: "spam@college.fr" }));
    expect(error.code).toBe("TOO_MANY_ATTEMPTS");
    expect(error.userMessage).toMatch(/Trop de demandes/);
    expect((await listOutboxEntries()).length).toBe(3);
  });
});

describe("changePassword", () => {
  it("needs the current password, then keeps this session and closes the others", async () => {
    const user = await createStaffUser();
    const here = await createSessionRecord({ userId: user.id, kind: "STAFF" });
    await createSessionRecord({ userId: user.id, kind: "STAFF" });
    const hereId = hashToken(here.token);

    const wrong = await domainError(() =>
      changePassword({
        userId: user.id,
        sessionId: hereId,
        currentPassword: "faux",
        password: "Un nouveau mot de passe",
      }),
    );
    expect(wrong.code).toBe("INVALID_INPUT");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2);

    await changePassword({
      userId: user.id,
      sessionId: hereId,
      currentPassword: TEST_PASSWORD,
      password: "Un nouveau mot de passe",
    });
    expect(await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([
      { id: hereId },
    ]);
    expect(await authenticateStaff({ email: user.email!, password: "Un nouveau mot de passe" })).toMatchObject({
      ok: true,
    });
  });
});

describe("school activation", () => {
  it("sends an ADMIN invitation to the official address only, and shows it masked", async () => {
    const school = await createSchool({
      uai: "0751234X",
      officialEmail: "ce.0751234x@ac-paris.fr",
      name: "Collège Victor Hugo",
    });
    const result = await requestSchoolActivation({ uai: "0751234X" });
    expect(result).toEqual({ maskedEmail: "c••••@ac-paris.fr" });

    const invitation = await prisma.invitation.findFirstOrThrow({ where: { schoolId: school.id } });
    expect(invitation).toMatchObject({ email: "ce.0751234x@ac-paris.fr", role: "ADMIN", invitedById: null });
    const [mail] = await listOutboxEntries();
    expect(mail).toMatchObject({
      to: "ce.0751234x@ac-paris.fr",
      subject: "Activez l'espace Pix Orga de Collège Victor Hugo",
    });

    const [entry] = await auditRows();
    expect(entry).toMatchObject({
      schoolId: school.id,
      action: "school.activation_requested",
      targetId: String(invitation.id),
    });
    expect(JSON.stringify(entry)).not.toContain("@");

    const token = await invitationToken("ce.0751234x@ac-paris.fr");
    expect(await getInvitationPreview(token)).toEqual({
      schoolName: "Collège Victor Hugo",
      role: "ADMIN",
      email: "ce.0751234x@ac-paris.fr",
      hasAccount: false,
    });
    // The account is created with the invited (official) address, not one typed on the form.
    const { userId } = await createAccountAndAcceptInvitation({
      token,
      firstName: "Claire",
      lastName: "Durand",
      password: "Un mot de passe solide",
    });
    expect(await prisma.member.findFirstOrThrow({ where: { schoolId: school.id, userId } })).toMatchObject({
      role: "ADMIN",
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      email: "ce.0751234x@ac-paris.fr",
    });
    expect(await authenticateStaff({ email: "CE.0751234X@ac-paris.fr", password: "Un mot de passe solide" })).toEqual({
      ok: true,
      userId,
    });
  });

  it("refuses once the school has an ADMIN: « Cet espace est déjà activé », no invitation, no e-mail, nothing recorded", async () => {
    const school = await createSchool({ uai: "0751235Y", officialEmail: "ce.0751235y@ac-paris.fr" });
    await createMember({ schoolId: school.id, role: "ADMIN" });
    await createMember({ schoolId: school.id, role: "MEMBER" });
    const auditBefore = await prisma.auditLog.count();
    const errors = await Promise.all(
      [0, 1, 2].map(() => domainError(() => requestSchoolActivation({ uai: "0751235Y" }))),
    );
    for (const error of errors) {
      expect(error.code).toBe("CONFLICT");
      expect(error.userMessage).toMatch(/^Cet espace est déjà activé\./);
      expect(error.details).toEqual({ reason: "ALREADY_ACTIVATED" });
    }
    expect(await prisma.invitation.count()).toBe(0);
    expect(await listOutboxEntries()).toHaveLength(0);
    expect(await prisma.auditLog.count()).toBe(auditBefore);
    expect(await prisma.throttleEvent.count()).toBe(0);
  });

  it("a school with only MEMBERs (its ADMIN left) can still be activated", async () => {
    const school = await createSchool({ uai: "0751236Z", officialEmail: "ce.0751236z@ac-paris.fr" });
    await createMember({ schoolId: school.id, role: "MEMBER" });
    expect(await requestSchoolActivation({ uai: "0751236Z" })).toEqual({ maskedEmail: "c••••@ac-paris.fr" });
    expect(await prisma.invitation.count({ where: { schoolId: school.id, role: "ADMIN" } })).toBe(1);
  });

  it("once the activation invitation is accepted, asking again is refused and sends nothing", async () => {
    await createSchool({ uai: "0751237A", officialEmail: "ce.0751237a@ac-paris.fr" });
    await requestSchoolActivation({ uai: "0751237A" });
    const token = await invitationToken("ce.0751237a@ac-paris.fr");
    await createAccountAndAcceptInvitation({
      token,
      firstName: "Claire",
      lastName: "Durand",
      password: "Un mot de passe solide",
    });
    rmSync(outboxDir, { recursive: true, force: true });
    const error = await domainError(() => requestSchoolActivation({ uai: "0751237A" }));
    expect(error.userMessage).toMatch(/^Cet espace est déjà activé/);
    expect(await prisma.invitation.count()).toBe(1);
    expect(await listOutboxEntries()).toHaveLength(0);
  });

  it("step 0: a school created by the operator CLI with --email is activated through that address", async () => {
    const out: string[] = [];
    const code = await runCli(
      ["school:create", "--uai", "0561234d", "--name", "Collège Jules Verne", "--email", "CE.0561234D@ac-rennes.fr"],
      {
        stdout: (text) => out.push(text),
        stderr: () => {},
      },
    );
    expect(code).toBe(EXIT.ok);
    expect(await requestSchoolActivation({ uai: "0561234D" })).toEqual({ maskedEmail: "c••••@ac-rennes.fr" });
    const [mail] = await listOutboxEntries();
    expect(mail?.to).toBe("ce.0561234d@ac-rennes.fr");
  });

  it("says clearly when the UAI is unknown and writes nothing", async () => {
    await createSchool({ uai: "0751234X" });
    const error = await domainError(() => requestSchoolActivation({ uai: "0759999Z" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.userMessage).toBe(
      "Aucun établissement ne correspond à l'UAI 0759999Z. Vérifiez l'UAI (7 chiffres et une lettre) ou contactez le support Pix.",
    );
    expect(await prisma.invitation.count()).toBe(0);
    expect(await listOutboxEntries()).toHaveLength(0);
  });

  it("ignores archived schools: an archived one alone is unknown, beside an active one it is not ambiguous", async () => {
    const archived = await createSchool({ uai: "0691234A", officialEmail: "ancien@ac-lyon.fr" });
    await prisma.school.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    expect((await domainError(() => requestSchoolActivation({ uai: "0691234A" }))).code).toBe("NOT_FOUND");

    await createSchool({ uai: "0691234A", officialEmail: "ce.0691234a@ac-lyon.fr" });
    expect(await requestSchoolActivation({ uai: "0691234A" })).toEqual({ maskedEmail: "c••••@ac-lyon.fr" });
  });

  it("refuses a school with no official e-mail", async () => {
    await createSchool({ uai: "0131234B", officialEmail: null });
    const error = await domainError(() => requestSchoolActivation({ uai: "0131234B" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.userMessage).toMatch(/pas d'adresse e-mail officielle/);
    expect(await prisma.invitation.count()).toBe(0);
  });

  it("limits activation e-mails per school", async () => {
    await createSchool({ uai: "0331234C", officialEmail: "ce@ac-bordeaux.fr" });
    for (let i = 0; i < 3; i += 1) await requestSchoolActivation({ uai: "0331234C" });
    const error = await domainError(() => requestSchoolActivation({ uai: "0331234C" }));
    expect(error.code).toBe("TOO_MANY_ATTEMPTS");
    expect(await prisma.invitation.count()).toBe(3);
  });
});

describe("invitations", () => {
  async function setup() {
    const school = await createSchool({ name: "Collège Jean Moulin" });
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    const member = await createMember({ schoolId: school.id, role: "MEMBER", email: "deja.membre@college.fr" });
    return { school, admin: await actorOf(admin), member: await actorOf(member) };
  }

  it("lets an ADMIN invite several addresses at once, skipping members, without e-mails in the audit", async () => {
    const { school, admin } = await setup();
    const result = await inviteMembers(admin, {
      emails: ["a@college.fr", "B@college.fr", "deja.membre@college.fr"],
      role: "MEMBER",
    });
    expect(result).toEqual({ invitedCount: 2, alreadyMemberCount: 1 });
    const invitations = await listPendingInvitations(admin.schoolId);
    expect(invitations.map((invitation) => invitation.email).sort()).toEqual(["a@college.fr", "b@college.fr"]);
    const mails = await listOutboxEntries();
    expect(mails.map((mail) => mail.to).sort()).toEqual(["a@college.fr", "b@college.fr"]);
    expect(mails[0]!.subject).toBe("Invitation à rejoindre Collège Jean Moulin sur Pix Orga");
    const audits = await auditRows();
    expect(audits.map((row) => row.action)).toEqual(["member.invited", "member.invited"]);
    expect(audits.every((row) => row.schoolId === school.id && row.actorUserId === admin.userId)).toBe(true);
    expect(JSON.stringify(audits)).not.toContain("@");
    const rows = await prisma.invitation.findMany();
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
  });

  it("refuses invitations from a MEMBER and writes nothing", async () => {
    const { member } = await setup();
    const error = await domainError(() => inviteMembers(member, { emails: ["x@college.fr"], role: "ADMIN" }));
    expect(error.code).toBe("FORBIDDEN");
    expect(await prisma.invitation.count()).toBe(0);
    expect(await listOutboxEntries()).toHaveLength(0);
  });

  it("re-inviting a pending address renews the same invitation and kills the old link", async () => {
    const { admin } = await setup();
    await inviteMembers(admin, { emails: ["a@college.fr"], role: "MEMBER" });
    const first = await invitationToken("a@college.fr");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await inviteMembers(admin, { emails: ["a@college.fr"], role: "ADMIN" });
    const second = await invitationToken("a@college.fr");
    expect(second).not.toBe(first);
    expect(await prisma.invitation.count()).toBe(1);
    expect(await getInvitationPreview(first)).toBeNull();
    expect(await getInvitationPreview(second)).toMatchObject({ role: "ADMIN" });
  });

  it("resends with a new link; a MEMBER cannot", async () => {
    const { admin, member } = await setup();
    await inviteMembers(admin, { emails: ["a@college.fr"], role: "MEMBER" });
    const before = await invitationToken("a@college.fr");
    const [invitation] = await listPendingInvitations(admin.schoolId);
    expect((await domainError(() => resendInvitation(member, { invitationId: invitation!.id }))).code).toBe(
      "FORBIDDEN",
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    await resendInvitation(admin, { invitationId: invitation!.id });
    const after = await invitationToken("a@college.fr");
    expect(after).not.toBe(before);
    expect(await getInvitationPreview(before)).toBeNull();
    expect(await getInvitationPreview(after)).not.toBeNull();
    expect((await auditRows()).map((row) => row.action)).toEqual(["member.invited", "invitation.resent"]);
  });

  it("cancels; the link then stops working; a MEMBER or another school cannot", async () => {
    const { admin, member } = await setup();
    const other = await createSchool();
    const otherAdmin = await actorOf(await createMember({ schoolId: other.id, role: "ADMIN" }));
    await inviteMembers(admin, { emails: ["a@college.fr"], role: "MEMBER" });
    const token = await invitationToken("a@college.fr");
    const [invitation] = await listPendingInvitations(admin.schoolId);

    expect((await domainError(() => cancelInvitation(member, { invitationId: invitation!.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await domainError(() => cancelInvitation(otherAdmin, { invitationId: invitation!.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await domainError(() => resendInvitation(otherAdmin, { invitationId: invitation!.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await getInvitationPreview(token)).not.toBeNull();

    await cancelInvitation(admin, { invitationId: invitation!.id });
    expect(await listPendingInvitations(admin.schoolId)).toEqual([]);
    expect(await getInvitationPreview(token)).toBeNull();
    const user = await createStaffUser();
    expect((await domainError(() => acceptInvitation({ token, userId: user.id }))).code).toBe("NOT_FOUND");
  });

  it("an existing account accepts once; the link cannot be used twice", async () => {
    const { school, admin } = await setup();
    const user = await createStaffUser({ email: "a@college.fr" });
    await inviteMembers(admin, { emails: ["a@college.fr"], role: "MEMBER" });
    const token = await invitationToken("a@college.fr");
    expect(await getInvitationPreview(token)).toMatchObject({ hasAccount: true });

    expect(await acceptInvitation({ token, userId: user.id })).toMatchObject({ schoolId: school.id, role: "MEMBER" });
    expect(await prisma.member.count({ where: { schoolId: school.id, userId: user.id } })).toBe(1);
    expect((await domainError(() => acceptInvitation({ token, userId: user.id }))).code).toBe("NOT_FOUND");
    expect(await getInvitationPreview(token)).toBeNull();
  });

  it("an ADMIN invitation promotes someone who is already a MEMBER", async () => {
    const { school, admin, member } = await setup();
    await prisma.invitation.create({
      data: {
        schoolId: school.id,
        email: "deja.membre@college.fr",
        role: "ADMIN",
        tokenHash: hashToken("tok-admin"),
        expiresAt: new Date(Date.now() + 3_600_000),
        invitedById: admin.userId,
      },
    });
    await acceptInvitation({ token: "tok-admin", userId: member.userId });
    expect(
      await prisma.member.findFirstOrThrow({ where: { schoolId: school.id, userId: member.userId } }),
    ).toMatchObject({ role: "ADMIN" });
  });

  it("refuses an expired invitation", async () => {
    const { admin } = await setup();
    const past = new Date(Date.now() - 8 * 86_400_000);
    await inviteMembers(admin, { emails: ["a@college.fr"], role: "MEMBER" }, past);
    const token = await invitationToken("a@college.fr");
    expect(await getInvitationPreview(token)).toBeNull();
    expect((await listPendingInvitations(admin.schoolId))[0]).toMatchObject({ isExpired: true });
    const error = await domainError(() =>
      createAccountAndAcceptInvitation({ token, firstName: "A", lastName: "B", password: "Un mot de passe solide" }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(await prisma.user.count({ where: { email: "a@college.fr" } })).toBe(0);
  });

  it("refuses to create a second account for an invited address that has one, and keeps the invitation usable", async () => {
    const { admin } = await setup();
    await createStaffUser({ email: "pris@college.fr" });
    await inviteMembers(admin, { emails: ["Pris@College.fr"], role: "MEMBER" });
    const token = await invitationToken("pris@college.fr");
    const error = await domainError(() =>
      createAccountAndAcceptInvitation({ token, firstName: "A", lastName: "B", password: "Un mot de passe solide" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.userMessage).toMatch(/existe déjà/);
    expect(await getInvitationPreview(token)).not.toBeNull();
    expect(await prisma.user.count({ where: { email: "pris@college.fr" } })).toBe(1);
  });

  it("creates the account with the invited address, whatever else the form sends", async () => {
    const { school, admin } = await setup();
    await inviteMembers(admin, { emails: ["Invitee@College.fr"], role: "MEMBER" });
    const token = await invitationToken("invitee@college.fr");
    const input = {
      token,
      firstName: "A",
      lastName: "B",
      password: "Un mot de passe solide",
      email: "autre@ailleurs.fr",
    };
    const { userId } = await createAccountAndAcceptInvitation(input);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      email: "invitee@college.fr",
    });
    expect(await prisma.user.count({ where: { email: "autre@ailleurs.fr" } })).toBe(0);
    expect(await prisma.member.count({ where: { schoolId: school.id, userId } })).toBe(1);
  });

  it("is bound to the invited address: another signed-in account is refused and nothing changes", async () => {
    const { school, admin, member } = await setup();
    const other = await createStaffUser({ email: "quelquun@ailleurs.fr" });
    const invited = await createStaffUser({ email: "invitee@college.fr" });
    await inviteMembers(admin, { emails: ["invitee@college.fr"], role: "ADMIN" });
    const token = await invitationToken("invitee@college.fr");
    const before = await prisma.invitation.findFirstOrThrow({ where: { email: "invitee@college.fr" } });
    const auditBefore = await prisma.auditLog.count();

    // Someone else (a stranger, or a MEMBER of the school hoping to be promoted) holding the link.
    for (const userId of [other.id, member.userId]) {
      const error = await domainError(() => acceptInvitation({ token, userId }));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.userMessage).toBe(
        "Cette invitation a été envoyée à invitee@college.fr : elle ne peut être acceptée qu'avec le compte Pix Orga de cette adresse.",
      );
    }
    expect(await prisma.member.count({ where: { schoolId: school.id, userId: other.id } })).toBe(0);
    expect(
      await prisma.member.findFirstOrThrow({ where: { schoolId: school.id, userId: member.userId } }),
    ).toMatchObject({ role: "MEMBER" });
    expect(await prisma.invitation.findFirstOrThrow({ where: { id: before.id } })).toEqual(before);
    expect(await prisma.auditLog.count()).toBe(auditBefore);

    // The invited account (its address stored in another case) accepts.
    await prisma.user.update({ where: { id: invited.id }, data: { email: "Invitee@College.FR" } });
    expect(await acceptInvitation({ token, userId: invited.id })).toMatchObject({ schoolId: school.id, role: "ADMIN" });
  });

  it("parallel double-accept by the invited account: one membership, one acceptance", async () => {
    const { school, admin } = await setup();
    const user = await createStaffUser({ email: "invitee@college.fr" });
    await inviteMembers(admin, { emails: ["invitee@college.fr"], role: "MEMBER" });
    const token = await invitationToken("invitee@college.fr");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => acceptInvitation({ token, userId: user.id })),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect((outcome.reason as DomainError).code).toBe("NOT_FOUND");
    }
    expect(await prisma.member.count({ where: { schoolId: school.id, userId: user.id } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "invitation.accepted" } })).toBe(1);
  });

  it("parallel account creations from one link: one account, one membership", async () => {
    const { school, admin } = await setup();
    await inviteMembers(admin, { emails: ["invitee@college.fr"], role: "MEMBER" });
    const token = await invitationToken("invitee@college.fr");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) =>
        createAccountAndAcceptInvitation({
          token,
          firstName: `A${i}`,
          lastName: "B",
          password: "Un mot de passe solide",
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected")
        expect(["CONFLICT", "NOT_FOUND"]).toContain((outcome.reason as DomainError).code);
    }
    expect(await prisma.user.count({ where: { email: "invitee@college.fr" } })).toBe(1);
    expect(await prisma.member.count({ where: { schoolId: school.id } })).toBe(3);
  });
});

describe("team management", () => {
  async function setup() {
    const school = await createSchool();
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    const member = await createMember({ schoolId: school.id, role: "MEMBER" });
    const other = await createSchool();
    const otherAdmin = await createMember({ schoolId: other.id, role: "ADMIN" });
    return { school, admin, member, other, otherAdmin };
  }

  it("an ADMIN changes a role; the person's sessions are closed and the change audited", async () => {
    const { admin, member } = await setup();
    await createSessionRecord({ userId: member.userId, kind: "STAFF" });
    await changeMemberRole(await actorOf(admin), { memberId: member.id, role: "ADMIN" });
    expect((await prisma.member.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("ADMIN");
    expect(await prisma.session.count({ where: { userId: member.userId } })).toBe(0);
    const [entry] = await auditRows();
    expect(entry).toMatchObject({
      action: "member.role_changed",
      targetType: "member",
      targetId: String(member.id),
      data: { from: "MEMBER", to: "ADMIN", userId: member.userId },
    });
  });

  // A role withdrawn a second ago is refused by the session gate, which re-reads it on every
  // request (actions.integration.test.ts); mutations trust the actor that gate built.
  it("refuses role changes to a MEMBER", async () => {
    const { admin, member } = await setup();
    expect(
      (await domainError(async () => changeMemberRole(await actorOf(member), { memberId: admin.id, role: "MEMBER" })))
        .code,
    ).toBe("FORBIDDEN");
    expect((await prisma.member.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect(await auditRows()).toEqual([]);
  });

  it("never leaves a school without an ADMIN", async () => {
    const { admin, member } = await setup();
    const demote = await domainError(async () =>
      changeMemberRole(await actorOf(admin), { memberId: admin.id, role: "MEMBER" }),
    );
    expect(demote.code).toBe("CONFLICT");
    expect(demote.userMessage).toMatch(/au moins un administrateur/);
    expect((await domainError(async () => removeMember(await actorOf(admin), { memberId: admin.id }))).code).toBe(
      "CONFLICT",
    );
    expect((await domainError(async () => leaveSchool(await actorOf(admin)))).code).toBe("CONFLICT");

    await changeMemberRole(await actorOf(admin), { memberId: member.id, role: "ADMIN" });
    await changeMemberRole(await actorOf(admin), { memberId: admin.id, role: "MEMBER" });
    expect(await prisma.member.count({ where: { schoolId: admin.schoolId, role: "ADMIN" } })).toBe(1);
  });

  it("two ADMINs demoting each other at once: one wins, one ADMIN remains", async () => {
    const { school, admin } = await setup();
    const second = await createMember({ schoolId: school.id, role: "ADMIN" });
    const results = await Promise.allSettled([
      changeMemberRole(await actorOf(admin), { memberId: second.id, role: "MEMBER" }),
      changeMemberRole(await actorOf(second), { memberId: admin.id, role: "MEMBER" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.member.count({ where: { schoolId: school.id, role: "ADMIN" } })).toBe(1);
  });

  it("an ADMIN removes a member: their campaigns stay, their sessions end", async () => {
    const { admin, member } = await setup();
    const campaign = await createCampaign({ schoolId: admin.schoolId, ownerId: member.userId });
    await createSessionRecord({ userId: member.userId, kind: "STAFF", currentSchoolId: admin.schoolId });
    await removeMember(await actorOf(admin), { memberId: member.id });
    expect(await prisma.member.findUnique({ where: { id: member.id } })).toBeNull();
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({
      ownerId: member.userId,
      schoolId: admin.schoolId,
    });
    expect(await prisma.session.count({ where: { userId: member.userId } })).toBe(0);
    expect((await auditRows()).map((row) => row.action)).toEqual(["member.removed"]);
  });

  it("a MEMBER cannot remove anyone; nobody acts on another school's members", async () => {
    const { admin, member, otherAdmin } = await setup();
    expect((await domainError(async () => removeMember(await actorOf(member), { memberId: admin.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await domainError(async () => removeMember(await actorOf(otherAdmin), { memberId: member.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (
        await domainError(async () =>
          changeMemberRole(await actorOf(otherAdmin), { memberId: member.id, role: "ADMIN" }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (await domainError(async () => unblockMember(await actorOf(otherAdmin), { memberId: member.id }))).code,
    ).toBe("NOT_FOUND");
    expect(await prisma.member.count({ where: { schoolId: admin.schoolId } })).toBe(2);
  });

  it("a MEMBER can leave the school", async () => {
    const { member } = await setup();
    await leaveSchool(await actorOf(member));
    expect(await prisma.member.findUnique({ where: { id: member.id } })).toBeNull();
    expect((await auditRows()).map((row) => row.action)).toEqual(["member.left"]);
  });

  it("an ADMIN unblocks a blocked member; a MEMBER cannot", async () => {
    const { admin, member } = await setup();
    await prisma.user.update({
      where: { id: member.userId },
      data: { failedSignInCount: 0, blockedUntil: new Date(Date.now() + 600_000) },
    });
    expect((await listTeamMembers(admin.schoolId as never)).find((row) => row.memberId === member.id)?.isBlocked).toBe(
      true,
    );
    expect((await domainError(async () => unblockMember(await actorOf(member), { memberId: member.id }))).code).toBe(
      "FORBIDDEN",
    );
    await unblockMember(await actorOf(admin), { memberId: member.id });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.userId } })).blockedUntil).toBeNull();
    expect(await authenticateStaff({ email: member.user.email!, password: TEST_PASSWORD })).toMatchObject({ ok: true });
    expect((await auditRows()).map((row) => row.action)).toEqual(["member.unblocked"]);
  });

  it("lists only the school's own members and invitations", async () => {
    const { school, admin, member, other, otherAdmin } = await setup();
    await inviteMembers(await actorOf(otherAdmin), { emails: ["ailleurs@college.fr"], role: "MEMBER" });
    const team = await listTeamMembers(await authorizedSchoolId(school.id));
    expect(team.map((row) => row.memberId).sort()).toEqual([admin.id, member.id].sort());
    expect(await listPendingInvitations(await authorizedSchoolId(school.id))).toEqual([]);
    expect(await listPendingInvitations(await authorizedSchoolId(other.id))).toHaveLength(1);
  });
});

describe("several schools", () => {
  it("switches the session's school only to a school the user belongs to", async () => {
    const first = await createSchool({ name: "A" });
    const second = await createSchool({ name: "B" });
    const stranger = await createSchool({ name: "C" });
    const member = await createMember({ schoolId: first.id, role: "ADMIN" });
    await createMember({ schoolId: second.id, role: "MEMBER", userId: member.userId });
    const { token } = await createSessionRecord({ userId: member.userId, kind: "STAFF", currentSchoolId: first.id });
    const sessionId = hashToken(token);

    await switchSchool({ sessionId, userId: member.userId, schoolId: second.id });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).currentSchoolId).toBe(second.id);
    expect(
      (await domainError(() => switchSchool({ sessionId, userId: member.userId, schoolId: stranger.id }))).code,
    ).toBe("NOT_FOUND");
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).currentSchoolId).toBe(second.id);
  });
});

describe("terms of use", () => {
  it("records the first acceptance only", async () => {
    const user = await createStaffUser({ cguAccepted: false });
    const first = new Date("2026-09-01T08:00:00Z");
    await acceptCgu(user.id, first);
    await acceptCgu(user.id, new Date("2026-09-02T08:00:00Z"));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).cguAcceptedAt).toEqual(first);
  });
});

/* ─────────────── issue 9: every throttle and lockout holds under concurrency ─────────────── */

describe("staff sign-in under concurrency", () => {
  const ADDRESS = "198.51.100.20";

  it(
    "40 parallel sign-ins (39 wrong, the right one last): at most 10 password checks, the right one refused, the lock kept",
    { timeout: 60_000 },
    async () => {
      const user = await createStaffUser({ email: "cible@college.fr" });
      const now = new Date();
      const before = passwordVerificationCount();
      const attempts = Array.from({ length: 40 }, (_, i) => (i === 39 ? TEST_PASSWORD : `faux-${i}`));
      const results = await Promise.all(
        attempts.map((password) => authenticateStaff({ email: user.email!, password, clientAddress: ADDRESS }, now)),
      );
      expect(passwordVerificationCount() - before).toBeLessThanOrEqual(10);
      expect(results[39]).toMatchObject({ ok: false, reason: "BLOCKED" });
      expect(results.filter((result) => result.ok)).toHaveLength(0);
      expect(
        results.filter((result) => !result.ok && result.reason === "INVALID_CREDENTIALS").length,
      ).toBeLessThanOrEqual(9);
      const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(row.blockedUntil!.getTime()).toBe(now.getTime() + 15 * 60_000);
      // Still locked for the right password afterwards.
      expect(
        await authenticateStaff({ email: user.email!, password: TEST_PASSWORD, clientAddress: ADDRESS }, now),
      ).toMatchObject({ ok: false, reason: "BLOCKED" });
    },
  );

  it("right passwords racing the tenth wrong one never lift the lock that wrong one sets", async () => {
    const user = await createStaffUser();
    await prisma.user.update({ where: { id: user.id }, data: { failedSignInCount: 9 } });
    const now = new Date();
    const wrong = authenticateStaff({ email: user.email!, password: "faux", clientAddress: ADDRESS }, now);
    // The wrong one has taken the tenth slot (its hash is still being computed)…
    for (let waited = 0; waited < 250; waited += 10) {
      if ((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignInCount === 10) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // …when the right password arrives five times.
    const rights = await Promise.all(
      Array.from({ length: 5 }, () =>
        authenticateStaff({ email: user.email!, password: TEST_PASSWORD, clientAddress: ADDRESS }, now),
      ),
    );
    expect(await wrong).toEqual({ ok: false, reason: "BLOCKED", minutesLeft: 15 });
    expect(rights.every((result) => !result.ok && result.reason === "BLOCKED")).toBe(true);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.blockedUntil!.getTime()).toBe(now.getTime() + 15 * 60_000);
    expect(row.lastLoggedAt).toBeNull();
  });

  const failTenTimes = (email: string, at: Date) => failTenTimesFrom(email, at, ADDRESS);
  async function failTenTimesFrom(email: string, at: Date, clientAddress: string) {
    const results = [];
    for (let i = 0; i < 10; i += 1)
      results.push(await authenticateStaff({ email, password: `faux-${i}`, clientAddress }, at));
    return results;
  }

  it("locks for 15 minutes, then 1 hour, then until an ADMIN unblocks; unknown e-mails answer alike", async () => {
    const school = await createSchool();
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    const member = await createMember({ schoolId: school.id, role: "MEMBER" });
    const known = member.user.email!;
    const unknown = "personne.progressive@nulle-part.fr";
    const t0 = new Date("2026-10-01T08:00:00Z");
    // One address each: the fake clock goes back to t0 for the second e-mail.
    for (const [email, address] of [
      [known, ADDRESS],
      [unknown, "198.51.100.21"],
    ] as const) {
      const failTenTimes = (mail: string, at: Date) => failTenTimesFrom(mail, at, address);
      expect((await failTenTimes(email, t0)).at(-1)).toEqual({ ok: false, reason: "BLOCKED", minutesLeft: 15 });
      const t1 = new Date(t0.getTime() + 16 * 60_000);
      const second = await failTenTimes(email, t1);
      expect(second.slice(0, 9).every((result) => !result.ok && result.reason === "INVALID_CREDENTIALS")).toBe(true);
      expect(second.at(-1)).toEqual({ ok: false, reason: "BLOCKED", minutesLeft: 60 });
      expect(
        await authenticateStaff(
          { email, password: TEST_PASSWORD, clientAddress: ADDRESS },
          new Date(t1.getTime() + 59 * 60_000),
        ),
      ).toEqual({ ok: false, reason: "BLOCKED", minutesLeft: 1 });
      const t2 = new Date(t1.getTime() + 61 * 60_000);
      expect((await failTenTimes(email, t2)).at(-1)).toEqual({ ok: false, reason: "BLOCKED_UNTIL_UNBLOCKED" });
      const muchLater = new Date(t2.getTime() + 365 * 24 * 60 * 60_000);
      expect(await authenticateStaff({ email, password: TEST_PASSWORD, clientAddress: ADDRESS }, muchLater)).toEqual({
        ok: false,
        reason: "BLOCKED_UNTIL_UNBLOCKED",
      });
    }
    // The ADMIN unblocks: the right password works again and the next lock is a short one.
    await unblockMember(await actorOf(admin), { memberId: member.id });
    const t3 = new Date(t0.getTime() + 400 * 24 * 60 * 60_000);
    expect(await authenticateStaff({ email: known, password: TEST_PASSWORD, clientAddress: ADDRESS }, t3)).toEqual({
      ok: true,
      userId: member.userId,
    });
    expect((await failTenTimes(known, t3)).at(-1)).toEqual({ ok: false, reason: "BLOCKED", minutesLeft: 15 });
    // Only keyed hashes are stored for unknown e-mails.
    const keys = await prisma.unknownAccountSignIn.findMany({ select: { keyHash: true } });
    expect(keys).toHaveLength(1);
    expect(keys[0]!.keyHash).not.toContain("personne");
  }, 180_000);

  it("a successful sign-in restarts the progression", async () => {
    const user = await createStaffUser();
    const t0 = new Date("2026-10-01T08:00:00Z");
    await failTenTimes(user.email!, t0);
    const t1 = new Date(t0.getTime() + 16 * 60_000);
    expect(
      await authenticateStaff({ email: user.email!, password: TEST_PASSWORD, clientAddress: ADDRESS }, t1),
    ).toMatchObject({ ok: true });
    expect((await failTenTimes(user.email!, t1)).at(-1)).toEqual({ ok: false, reason: "BLOCKED", minutesLeft: 15 });
  }, 90_000);

  it("40 parallel sign-ins for an unknown e-mail: at most 10 checks, then blocked like an account", async () => {
    const before = passwordVerificationCount();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        authenticateStaff({ email: "fantome@nulle-part.fr", password: `faux-${i}`, clientAddress: ADDRESS }),
      ),
    );
    expect(passwordVerificationCount() - before).toBeLessThanOrEqual(10);
    expect(results.filter((result) => !result.ok && result.reason === "BLOCKED").length).toBeGreaterThanOrEqual(30);
    expect(
      results.every((result) => !result.ok && (result.reason === "INVALID_CREDENTIALS" || result.reason === "BLOCKED")),
    ).toBe(true);
  }, 60_000);

  it("caps failures per client address across accounts, so one client cannot lock every account it knows", async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => createStaffUser()));
    const before = passwordVerificationCount();
    // 6 accounts × 8 wrong passwords from one address: under each account's limit, over the address's.
    const results = await Promise.all(
      users.flatMap((user) =>
        Array.from({ length: 8 }, (_, i) =>
          authenticateStaff({ email: user.email!, password: `faux-${i}`, clientAddress: ADDRESS }),
        ),
      ),
    );
    expect(passwordVerificationCount() - before).toBe(30);
    expect(results.filter((result) => !result.ok && result.reason === "ADDRESS_BLOCKED")).toHaveLength(18);
    expect(await prisma.user.count({ where: { blockedUntil: { not: null } } })).toBe(0);
    // Even the right password is refused from that address; from another one it works.
    expect(
      await authenticateStaff({ email: users[0]!.email!, password: TEST_PASSWORD, clientAddress: ADDRESS }),
    ).toMatchObject({ ok: false, reason: "ADDRESS_BLOCKED" });
    expect(
      await authenticateStaff({ email: users[0]!.email!, password: TEST_PASSWORD, clientAddress: "203.0.113.99" }),
    ).toMatchObject({ ok: true });
    // Buckets hold keyed hashes, never the address.
    expect(await prisma.throttleEvent.count({ where: { bucket: { contains: ADDRESS } } })).toBe(0);
  }, 90_000);
});

describe("other throttles under concurrency", () => {
  it("password reset: 10 parallel requests for one address send exactly 3 links", async () => {
    const user = await createStaffUser({ email: "rafale@college.fr" });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => requestPasswordReset({ email: user.email! })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(refused).toHaveLength(7);
    expect(
      refused.every((result) => result.reason instanceof DomainError && result.reason.code === "TOO_MANY_ATTEMPTS"),
    ).toBe(true);
    expect((refused[0]!.reason as DomainError).userMessage).toMatch(
      /^Trop de demandes\. Réessayez dans \d+ minutes?\.$/,
    );
    expect(await prisma.passwordResetToken.count({ where: { userId: user.id } })).toBe(3);
  });

  it("password change: 20 parallel wrong current passwords get exactly 5 checks", async () => {
    const user = await createStaffUser();
    const before = passwordVerificationCount();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        changePassword({
          userId: user.id,
          sessionId: "s",
          currentPassword: `faux-${i}`,
          password: "Un nouveau mot de passe",
        }),
      ),
    );
    expect(passwordVerificationCount() - before).toBe(5);
    const codes = results.map((result) => (result.status === "rejected" ? (result.reason as DomainError).code : "OK"));
    expect(codes.filter((code) => code === "INVALID_INPUT")).toHaveLength(5);
    expect(codes.filter((code) => code === "TOO_MANY_ATTEMPTS")).toHaveLength(15);
  });

  it("password change: a right current password does not use up an attempt", async () => {
    const user = await createStaffUser();
    for (let i = 0; i < 4; i += 1)
      await domainError(() =>
        changePassword({
          userId: user.id,
          sessionId: "s",
          currentPassword: "faux",
          password: "Un nouveau mot de passe",
        }),
      );
    await changePassword({
      userId: user.id,
      sessionId: "s",
      currentPassword: TEST_PASSWORD,
      password: "Un nouveau mot de passe",
    });
    expect(
      (
        await domainError(() =>
          changePassword({ userId: user.id, sessionId: "s", currentPassword: "faux", password: "Encore un autre mot" }),
        )
      ).code,
    ).toBe("INVALID_INPUT");
  });

  it("school activation: 10 parallel requests for one UAI create exactly 3 invitations", async () => {
    const school = await createSchool({ officialEmail: "ce.rafale@ac-test.fr" });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => requestSchoolActivation({ uai: school.uai })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(refused.every((result) => (result.reason as DomainError).code === "TOO_MANY_ATTEMPTS")).toBe(true);
    expect(await prisma.invitation.count({ where: { schoolId: school.id } })).toBe(3);
  });
});
