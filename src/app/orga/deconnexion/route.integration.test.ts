import { beforeEach, describe, expect, it, vi } from "vitest";

import { prisma } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { createSessionRecord, findSessionByToken } from "@/lib/session-store";
import { hashToken } from "@/lib/tokens";

import { createGarStudentUser } from "../../../../tests/factories/learners";
import { createStaffUser } from "../../../../tests/factories/schools";
import { cookieJar } from "../../../../tests/support/next-request";

/**
 * Both sign-out routes as the browser reaches them: the session row must go server-side, not
 * only the cookie (a copied cookie must stop working). Only the cookie jar behind `next/headers`
 * is stood in for.
 */

vi.mock("next/headers", async () => (await import("../../../../tests/support/next-request")).nextHeadersMock());

const orga = await import("./route");
const gar = await import("../../gar/deconnexion/route");

beforeEach(() => {
  cookieJar.clear();
  process.env.APP_BASE_URL = "https://pix.example";
  resetEnvForTests();
});

function signOutRequest(fields: Record<string, string> = {}): Request {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return new Request("https://pix.example/orga/deconnexion", { method: "POST", body });
}

async function redirectOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    const response = await run();
    return response instanceof Response ? (response.headers.get("location") ?? undefined) : undefined;
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2];
    throw error;
  }
}

describe("sign-out", () => {
  it("Orga: deletes the session row, so the same cookie no longer signs anyone in; other sessions stay", async () => {
    const user = await createStaffUser();
    const { token } = await createSessionRecord({ userId: user.id, kind: "STAFF" });
    const elsewhere = await createSessionRecord({ userId: user.id, kind: "STAFF" });
    cookieJar.set("pix_session", { value: token });

    expect(await redirectOf(() => orga.POST(signOutRequest()))).toBe("https://pix.example/orga/connexion");
    expect(cookieJar.has("pix_session")).toBe(false);
    expect(await prisma.session.findUnique({ where: { id: hashToken(token) } })).toBeNull();
    expect(await findSessionByToken(token)).toBeNull();
    expect(await findSessionByToken(elsewhere.token)).not.toBeNull();
  });

  it("student: deletes the session row and the pending GAR identity", async () => {
    const user = await createGarStudentUser({ garId: "ido-signout" });
    const { token } = await createSessionRecord({ userId: user.id, kind: "STUDENT" });
    cookieJar.set("pix_session", { value: token });
    cookieJar.set("pix_gar_pending", { value: "sealed" });

    expect(await redirectOf(() => gar.POST())).toBe("https://pix.example/");
    expect(cookieJar.size).toBe(0);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await findSessionByToken(token)).toBeNull();
  });

  it("Orga: goes back to an invitation link when asked, and nowhere else", async () => {
    const user = await createStaffUser();
    const { token } = await createSessionRecord({ userId: user.id, kind: "STAFF" });
    cookieJar.set("pix_session", { value: token });
    expect(await redirectOf(() => orga.POST(signOutRequest({ suite: "/orga/invitations/abc_DEF-123" })))).toBe(
      "https://pix.example/orga/invitations/abc_DEF-123",
    );
    expect(await prisma.session.count()).toBe(0);
    for (const suite of [
      "https://evil.example/orga/invitations/x",
      "//evil.example/x",
      "/orga/equipe",
      "/orga/invitations/x/../../equipe",
    ]) {
      expect(await redirectOf(() => orga.POST(signOutRequest({ suite })))).toBe("https://pix.example/orga/connexion");
    }
  });

  it("without a session cookie, deletes nothing", async () => {
    const user = await createStaffUser();
    await createSessionRecord({ userId: user.id, kind: "STAFF" });
    expect(await redirectOf(() => orga.POST(signOutRequest()))).toBe("https://pix.example/orga/connexion");
    expect(await prisma.session.count()).toBe(1);
  });
});
