import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { prisma } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { createSessionRecord } from "@/lib/session-store";
import { hashToken } from "@/lib/tokens";

import { createMember, createSchool, createStaffUser, TEST_PASSWORD } from "../../../tests/factories/schools";
import { cookieJar } from "../../../tests/support/next-request";

/**
 * The server actions as the browser reaches them: createAction, the session cookie, the role
 * re-read from the database. Only the request context is stood in for (a cookie jar behind
 * `next/headers`, and `revalidatePath`, which needs a running Next server).
 */

vi.mock("next/headers", async () => (await import("../../../tests/support/next-request")).nextHeadersMock());

vi.mock("next/cache", async (importOriginal) =>
  (await import("../../../tests/support/next-request")).nextCacheMock(importOriginal),
);

const actions = {
  ...(await import("./sign-in/actions")),
  ...(await import("./password/actions")),
  ...(await import("./invitations/actions")),
  ...(await import("./team/actions")),
  ...(await import("../schools/actions")),
};

let outboxDir: string;
beforeAll(() => {
  outboxDir = mkdtempSync(path.join(tmpdir(), "pix-outbox-actions-"));
  process.env.OUTBOX_DIR = outboxDir;
  resetEnvForTests();
});
afterAll(() => {
  rmSync(outboxDir, { recursive: true, force: true });
  delete process.env.APP_BASE_URL;
  resetEnvForTests();
});
beforeEach(() => {
  cookieJar.clear();
  delete process.env.APP_BASE_URL;
  resetEnvForTests();
});

const idle = { status: "idle" } as const;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** Calls an action; a Next redirect comes back as `{ redirect: url }`. */
async function call(
  action: (previous: never, data: FormData) => Promise<unknown>,
  fields: Record<string, string> = {},
) {
  try {
    return await action(idle as never, form(fields));
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    throw error;
  }
}

async function signInAs(userId: number, schoolId: number | null = null): Promise<string> {
  const { token } = await createSessionRecord({ userId, kind: "STAFF", currentSchoolId: schoolId });
  cookieJar.set("pix_session", { value: token });
  return token;
}

describe("signInAction", () => {
  it("opens a new server-side session in an httpOnly, SameSite=Lax cookie and drops the previous one", async () => {
    const school = await createSchool();
    const member = await createMember({ schoolId: school.id, role: "MEMBER" });
    const previous = await signInAs(member.userId, school.id);

    const result = await call(actions.signInAction, { email: member.user.email!, password: TEST_PASSWORD });
    expect(result).toEqual({ redirect: "/orga" });
    const cookie = cookieJar.get("pix_session")!;
    expect(cookie.value).not.toBe(previous);
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false, path: "/" });
    expect(await prisma.session.findUnique({ where: { id: hashToken(previous) } })).toBeNull();
    expect(await prisma.session.findUniqueOrThrow({ where: { id: hashToken(cookie.value) } })).toMatchObject({
      userId: member.userId,
      kind: "STAFF",
      currentSchoolId: school.id,
    });
  });

  it("marks the cookie Secure when the app is served over https", async () => {
    process.env.APP_BASE_URL = "https://orga.pix.example";
    resetEnvForTests();
    const school = await createSchool();
    const member = await createMember({ schoolId: school.id });
    await call(actions.signInAction, { email: member.user.email!, password: TEST_PASSWORD });
    expect(cookieJar.get("pix_session")?.options?.secure).toBe(true);
  });

  it("answers in French, ties input errors to fields, and opens no session", async () => {
    const school = await createSchool();
    const member = await createMember({ schoolId: school.id });
    expect(await call(actions.signInAction, { email: "", password: "" })).toMatchObject({
      status: "error",
      code: "VALIDATION",
      fieldErrors: {
        email: expect.arrayContaining(["Saisissez votre adresse e-mail."]),
        password: ["Saisissez votre mot de passe."],
      },
    });
    expect(await call(actions.signInAction, { email: member.user.email!, password: "faux" })).toMatchObject({
      status: "error",
      message: "Adresse e-mail ou mot de passe incorrect.",
    });
    expect(cookieJar.has("pix_session")).toBe(false);
    expect(await prisma.session.count()).toBe(0);
  });

  it("says the account is blocked after ten failures", async () => {
    const school = await createSchool();
    const member = await createMember({ schoolId: school.id });
    await prisma.user.update({ where: { id: member.userId }, data: { failedSignInCount: 9 } });
    const result = await call(actions.signInAction, { email: member.user.email!, password: "faux" });
    expect(result).toMatchObject({ status: "error", code: "TOO_MANY_ATTEMPTS" });
    expect((result as { message: string }).message).toMatch(
      /^Votre compte est temporairement bloqué après 10 tentatives/,
    );
  });

  it("refuses a person who belongs to no school", async () => {
    const user = await createStaffUser();
    expect(await call(actions.signInAction, { email: user.email!, password: TEST_PASSWORD })).toMatchObject({
      status: "error",
      message: expect.stringMatching(/rattaché à aucun établissement/),
    });
    expect(await prisma.session.count()).toBe(0);
  });
});

describe("ADMIN-only actions", () => {
  async function setup() {
    const school = await createSchool();
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    const member = await createMember({ schoolId: school.id, role: "MEMBER" });
    const invitation = await prisma.invitation.create({
      data: {
        schoolId: school.id,
        email: "invite@college.fr",
        role: "MEMBER",
        tokenHash: hashToken("t"),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await prisma.user.update({ where: { id: admin.userId }, data: { blockedUntil: new Date(Date.now() + 600_000) } });
    return { school, admin, member, invitation };
  }

  it("are refused to a MEMBER, and change nothing", async () => {
    const { school, admin, member, invitation } = await setup();
    await signInAs(member.userId, school.id);
    const attempts: [string, (previous: never, data: FormData) => Promise<unknown>, Record<string, string>][] = [
      ["invite", actions.inviteMembersAction, { emails: "x@college.fr", role: "ADMIN" }],
      ["resend", actions.resendInvitationAction, { invitationId: String(invitation.id) }],
      ["cancel", actions.cancelInvitationAction, { invitationId: String(invitation.id) }],
      ["role", actions.changeMemberRoleAction, { memberId: String(admin.id), role: "MEMBER" }],
      ["remove", actions.removeMemberAction, { memberId: String(admin.id) }],
      ["unblock", actions.unblockMemberAction, { memberId: String(admin.id) }],
    ];
    const before = JSON.stringify(await snapshot(school.id));
    for (const [label, action, fields] of attempts) {
      expect({ label, result: await call(action, fields) }).toMatchObject({
        label,
        result: { status: "error", code: "FORBIDDEN" },
      });
    }
    expect(JSON.stringify(await snapshot(school.id))).toBe(before);
  });

  it("work for an ADMIN", async () => {
    const { school, admin, member, invitation } = await setup();
    await prisma.user.update({ where: { id: admin.userId }, data: { blockedUntil: null } });
    await prisma.user.update({ where: { id: member.userId }, data: { blockedUntil: new Date(Date.now() + 600_000) } });
    await signInAs(admin.userId, school.id);
    expect(await call(actions.inviteMembersAction, { emails: "x@college.fr", role: "MEMBER" })).toMatchObject({
      status: "success",
      data: { invitedCount: 1, alreadyMemberCount: 0 },
    });
    expect(await call(actions.resendInvitationAction, { invitationId: String(invitation.id) })).toMatchObject({
      status: "success",
    });
    expect(await call(actions.cancelInvitationAction, { invitationId: String(invitation.id) })).toEqual({
      redirect: "/orga/equipe?info=invitation-annulee",
    });
    expect(await call(actions.unblockMemberAction, { memberId: String(member.id) })).toEqual({
      redirect: "/orga/equipe?info=compte-debloque",
    });
    expect(await call(actions.changeMemberRoleAction, { memberId: String(member.id), role: "ADMIN" })).toMatchObject({
      status: "success",
    });
    // Role changes close the person's sessions; sign the ADMIN back in for the last call.
    await signInAs(admin.userId, school.id);
    expect(await call(actions.removeMemberAction, { memberId: String(member.id) })).toEqual({
      redirect: "/orga/equipe?info=membre-retire",
    });
    expect(await prisma.member.count({ where: { schoolId: school.id } })).toBe(1);
  });

  it("are refused on the same session as soon as the ADMIN role is withdrawn", async () => {
    const { school, admin, member } = await setup();
    await prisma.user.update({ where: { id: admin.userId }, data: { blockedUntil: null } });
    await signInAs(admin.userId, school.id);
    await prisma.member.update({ where: { id: admin.id }, data: { role: "MEMBER" } });
    await prisma.member.update({ where: { id: member.id }, data: { role: "ADMIN" } });
    expect(await call(actions.changeMemberRoleAction, { memberId: String(member.id), role: "MEMBER" })).toMatchObject({
      status: "error",
      code: "FORBIDDEN",
      message: "Seul un administrateur de l'établissement peut faire cette action.",
    });
    expect((await prisma.member.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("ADMIN");
  });

  it("are refused to someone who has not accepted the terms of use yet", async () => {
    const { school, admin } = await setup();
    await prisma.user.update({ where: { id: admin.userId }, data: { cguAcceptedAt: null, blockedUntil: null } });
    await signInAs(admin.userId, school.id);
    expect(await call(actions.inviteMembersAction, { emails: "x@college.fr", role: "MEMBER" })).toMatchObject({
      status: "error",
      code: "FORBIDDEN",
    });
    expect(await call(actions.acceptCguAction, { accept: "on" })).toEqual({ redirect: "/orga" });
    expect(await call(actions.inviteMembersAction, { emails: "x@college.fr", role: "MEMBER" })).toMatchObject({
      status: "success",
    });
  });

  it("are refused without a session", async () => {
    const { invitation } = await setup();
    expect(await call(actions.cancelInvitationAction, { invitationId: String(invitation.id) })).toMatchObject({
      status: "error",
      code: "UNAUTHENTICATED",
    });
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({
      cancelledAt: null,
    });
  });
});

describe("school switching and leaving", () => {
  it("switches only to a school the person belongs to; leaving moves them to another school", async () => {
    const first = await createSchool({ name: "A" });
    const second = await createSchool({ name: "B" });
    const stranger = await createSchool({ name: "C" });
    const member = await createMember({ schoolId: first.id, role: "MEMBER" });
    await createMember({ schoolId: second.id, role: "MEMBER", userId: member.userId });
    const token = await signInAs(member.userId, first.id);

    expect(await call(actions.switchSchoolAction, { schoolId: String(stranger.id) })).toMatchObject({
      status: "error",
      code: "NOT_FOUND",
    });
    expect(await call(actions.switchSchoolAction, { schoolId: String(second.id) })).toEqual({ redirect: "/orga" });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: hashToken(token) } })).currentSchoolId).toBe(
      second.id,
    );

    expect(await call(actions.leaveSchoolAction)).toEqual({ redirect: "/orga/compte?info=depart" });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: hashToken(token) } })).currentSchoolId).toBe(
      first.id,
    );
    expect(await call(actions.leaveSchoolAction)).toEqual({ redirect: "/orga/connexion?info=depart" });
    expect(cookieJar.has("pix_session")).toBe(false);
    expect(await prisma.member.count({ where: { userId: member.userId } })).toBe(0);
  });
});

describe("invitation acceptance", () => {
  it("creates the account, signs it in on the invited school, and sends it to the terms of use", async () => {
    const school = await createSchool();
    await prisma.invitation.create({
      data: {
        schoolId: school.id,
        email: "new@college.fr",
        role: "MEMBER",
        tokenHash: hashToken("tok-new"),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const result = await call(actions.acceptInvitationWithNewAccountAction, {
      token: "tok-new",
      firstName: "Inès",
      lastName: "Martin",
      email: "new@college.fr",
      password: "Un mot de passe solide",
      passwordConfirmation: "Un mot de passe solide",
    });
    expect(result).toEqual({ redirect: "/orga/cgu" });
    const session = await prisma.session.findUniqueOrThrow({
      where: { id: hashToken(cookieJar.get("pix_session")!.value) },
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "new@college.fr" } });
    expect(session).toMatchObject({ userId: user.id, currentSchoolId: school.id });
    expect(user.cguAcceptedAt).toBeNull();
  });

  it("signs in the invited account and attaches it", async () => {
    const school = await createSchool();
    const user = await createStaffUser({ email: "ce@ac.fr" });
    await prisma.invitation.create({
      data: {
        schoolId: school.id,
        email: "ce@ac.fr",
        role: "ADMIN",
        tokenHash: hashToken("tok-act"),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    expect(
      await call(actions.acceptInvitationWithSignInAction, { token: "tok-act", email: "ce@ac.fr", password: "faux" }),
    ).toMatchObject({
      status: "error",
      message: "Adresse e-mail ou mot de passe incorrect.",
    });
    expect(
      await call(actions.acceptInvitationWithSignInAction, {
        token: "tok-act",
        email: "CE@ac.fr",
        password: TEST_PASSWORD,
      }),
    ).toEqual({
      redirect: "/orga",
    });
    expect(await prisma.member.findFirstOrThrow({ where: { schoolId: school.id, userId: user.id } })).toMatchObject({
      role: "ADMIN",
    });
  });

  it("refuses to sign in another account on the invitation: no membership, no session, invitation still usable", async () => {
    const school = await createSchool();
    const other = await createStaffUser({ email: "deja@college.fr" });
    await prisma.invitation.create({
      data: {
        schoolId: school.id,
        email: "ce@ac.fr",
        role: "ADMIN",
        tokenHash: hashToken("tok-act"),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    expect(
      await call(actions.acceptInvitationWithSignInAction, {
        token: "tok-act",
        email: "deja@college.fr",
        password: TEST_PASSWORD,
      }),
    ).toMatchObject({
      status: "error",
      code: "FORBIDDEN",
      message:
        "Cette invitation a été envoyée à ce@ac.fr : elle ne peut être acceptée qu'avec le compte Pix Orga de cette adresse.",
    });
    expect(await prisma.member.count({ where: { userId: other.id } })).toBe(0);
    expect(cookieJar.has("pix_session")).toBe(false);
    expect(await prisma.session.count()).toBe(0);
    expect(await prisma.invitation.findFirstOrThrow({ where: { tokenHash: hashToken("tok-act") } })).toMatchObject({
      acceptedAt: null,
    });
  });

  it("refuses the invitation to a signed-in account of another address; the invited one accepts", async () => {
    const school = await createSchool();
    const other = await createStaffUser({ email: "deja@college.fr" });
    const invited = await createStaffUser({ email: "ce@ac.fr" });
    await prisma.invitation.create({
      data: {
        schoolId: school.id,
        email: "ce@ac.fr",
        role: "MEMBER",
        tokenHash: hashToken("tok-cur"),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const otherToken = await signInAs(other.id);
    expect(await call(actions.acceptInvitationAsCurrentUserAction, { token: "tok-cur" })).toMatchObject({
      status: "error",
      code: "FORBIDDEN",
    });
    expect(await prisma.member.count({ where: { userId: other.id } })).toBe(0);
    expect(
      (await prisma.session.findUniqueOrThrow({ where: { id: hashToken(otherToken) } })).currentSchoolId,
    ).toBeNull();

    const invitedToken = await signInAs(invited.id);
    expect(await call(actions.acceptInvitationAsCurrentUserAction, { token: "tok-cur" })).toEqual({
      redirect: "/orga",
    });
    expect(await prisma.member.count({ where: { schoolId: school.id, userId: invited.id } })).toBe(1);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: hashToken(invitedToken) } })).currentSchoolId).toBe(
      school.id,
    );
  });

  it("creates the new account with the invited address, not the one posted", async () => {
    const school = await createSchool();
    await prisma.invitation.create({
      data: {
        schoolId: school.id,
        email: "invitee@college.fr",
        role: "MEMBER",
        tokenHash: hashToken("tok-addr"),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const result = await call(actions.acceptInvitationWithNewAccountAction, {
      token: "tok-addr",
      firstName: "Inès",
      lastName: "Martin",
      email: "autre@ailleurs.fr",
      password: "Un mot de passe solide",
      passwordConfirmation: "Un mot de passe solide",
    });
    expect(result).toEqual({ redirect: "/orga/cgu" });
    expect(await prisma.user.count({ where: { email: "autre@ailleurs.fr" } })).toBe(0);
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "invitee@college.fr" } })).toMatchObject({
      firstName: "Inès",
    });
  });
});

async function snapshot(schoolId: number) {
  return {
    members: await prisma.member.findMany({
      where: { schoolId },
      orderBy: { id: "asc" },
      select: { id: true, role: true, userId: true },
    }),
    invitations: await prisma.invitation.findMany({ where: { schoolId }, orderBy: { id: "asc" } }),
    blocks: await prisma.user.findMany({
      orderBy: { id: "asc" },
      select: { id: true, blockedUntil: true, failedSignInCount: true },
    }),
    audit: await prisma.auditLog.count(),
  };
}
