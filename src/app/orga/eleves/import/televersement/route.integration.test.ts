import { beforeEach, describe, expect, it, vi } from "vitest";

import { createMember, createSchool } from "../../../../../../tests/factories/schools";
import { latin9, oneStudent, siecleDocument } from "@/features/siecle-import/domain/__fixtures__/siecle-builders";
import { MAX_UPLOAD_BYTES } from "@/features/siecle-import/domain/limits";
import { prisma } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { createSessionRecord } from "@/lib/session-store";
import { setSessionCookie } from "../../../../../../tests/support/next-request";

/**
 * The upload route as the browser reaches it: a real Request whose body is a stream, the session
 * cookie, the role and school re-read from the database. Only the request context is stood in
 * for (the cookie behind `next/headers`; `revalidatePath`, which needs a running Next server).
 */

vi.mock("next/headers", async () => (await import("../../../../../../tests/support/next-request")).nextHeadersMock());

vi.mock("next/cache", async (importOriginal) =>
  (await import("../../../../../../tests/support/next-request")).nextCacheMock(importOriginal),
);

const { POST } = await import("./route");

const BASE_URL = "https://orga.pix.example";

beforeEach(() => {
  setSessionCookie(null);
  process.env.APP_BASE_URL = BASE_URL;
  resetEnvForTests();
});

function fileFor(uai: string, count = 3): Uint8Array {
  const built = Array.from({ length: count }, (_, i) =>
    oneStudent(String(i + 1), `${String(i + 1).padStart(10, "0")}A`, i % 2 ? "3E A" : "4E B"),
  );
  return latin9(
    siecleDocument({ uai, students: built.map((b) => b.student), structures: built.map((b) => b.structure) }),
  );
}

/** The file as a stream of small chunks, the way a socket delivers it; counts what was pulled. */
function streamOf(bytes: Uint8Array, chunkSize = 4096) {
  const pulled = { bytes: 0 };
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      const chunk = bytes.subarray(offset, offset + chunkSize);
      offset += chunk.length;
      pulled.bytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

/** An endless-looking body (no Content-Length), for the limit counted while reading. */
function oversizedStream(totalBytes: number) {
  const pulled = { bytes: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= totalBytes) return controller.close();
      pulled.bytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

function upload(
  body: ReadableStream<Uint8Array>,
  options: { mode?: string; origin?: string | null; fileName?: string; headers?: Record<string, string> } = {},
) {
  const headers = new Headers({ "content-type": "application/octet-stream", ...options.headers });
  if (options.origin !== null) headers.set("origin", options.origin ?? BASE_URL);
  headers.set("x-file-name", encodeURIComponent(options.fileName ?? "ElevesSansAdresses élèves.xml"));
  return new Request(`${BASE_URL}/orga/eleves/import/televersement${options.mode ? `?mode=${options.mode}` : ""}`, {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
}

async function actAs(userId: number, schoolId: number) {
  setSessionCookie((await createSessionRecord({ userId, kind: "STAFF", currentSchoolId: schoolId })).token);
}

const learnersOf = (schoolId: number) => prisma.learner.count({ where: { schoolId } });

describe("POST /orga/eleves/import/televersement (streamed body)", () => {
  it("lets an ADMIN preview the file sent as the raw body, for their current school: staged, nothing imported", async () => {
    const school = await createSchool({ uai: "0999101A" });
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    await actAs(admin.userId, school.id);

    const { stream, pulled } = streamOf(fileFor(school.uai));
    const preview = await POST(upload(stream));
    expect(preview.status).toBe(200);
    const body = await preview.json();
    expect(body).toMatchObject({
      status: "success",
      data: {
        outcome: { status: "DRY_RUN", created: 3, divisions: ["3E A", "4E B"], errors: [] },
        stagedImportId: expect.any(String),
      },
    });
    expect(pulled.bytes).toBe(fileFor(school.uai).length);
    expect(await learnersOf(school.id)).toBe(0);
    const staging = await prisma.siecleImportStaging.findUniqueOrThrow({ where: { id: body.data.stagedImportId } });
    expect(staging).toMatchObject({
      schoolId: school.id,
      createdById: admin.userId,
      fileName: "ElevesSansAdresses élèves.xml",
      learnerCount: 3,
    });
  });

  it("no longer imports on upload: the former ?mode=apply only stages (confirming is the server action's)", async () => {
    const school = await createSchool({ uai: "0999109J" });
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    await actAs(admin.userId, school.id);
    const response = await POST(upload(streamOf(fileFor(school.uai)).stream, { mode: "apply" }));
    expect(response.status).toBe(200);
    expect((await response.json()).data.outcome.status).toBe("DRY_RUN");
    expect(await learnersOf(school.id)).toBe(0);
    expect(await prisma.siecleImport.count({ where: { status: "IMPORTED" } })).toBe(0);
  });

  it("refuses a MEMBER before reading the body, and imports nothing", async () => {
    const school = await createSchool({ uai: "0999102B" });
    const member = await createMember({ schoolId: school.id, role: "MEMBER" });
    await actAs(member.userId, school.id);
    const { stream, pulled } = streamOf(fileFor(school.uai));

    const response = await POST(upload(stream));

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ status: "error", code: "FORBIDDEN" });
    expect(pulled.bytes).toBeLessThanOrEqual(4096);
    expect(await learnersOf(school.id)).toBe(0);
    expect(await prisma.siecleImport.count()).toBe(0);
    expect(await prisma.siecleImportStaging.count()).toBe(0);
  });

  it("answers 401 without a session", async () => {
    const school = await createSchool({ uai: "0999103C" });
    const response = await POST(upload(streamOf(fileFor(school.uai)).stream));
    expect(response.status).toBe(401);
    expect(await prisma.siecleImport.count()).toBe(0);
  });

  it("works on the member's current school only: ADMIN elsewhere but MEMBER here is refused, another school's file is rejected", async () => {
    const schoolA = await createSchool({ uai: "0999104D" });
    const schoolB = await createSchool({ uai: "0999105E" });
    const adminA = await createMember({ schoolId: schoolA.id, role: "ADMIN" });
    await createMember({ schoolId: schoolB.id, role: "MEMBER", userId: adminA.userId });
    const adminB = await createMember({ schoolId: schoolB.id, role: "ADMIN" });

    // Current school B, where this person is only a MEMBER: their ADMIN role in A does not count.
    await actAs(adminA.userId, schoolB.id);
    expect((await POST(upload(streamOf(fileFor(schoolA.uai)).stream))).status).toBe(403);

    // B's ADMIN sends A's export: it is checked against B's UAI and nothing is written to A or B.
    await actAs(adminB.userId, schoolB.id);
    const response = await POST(upload(streamOf(fileFor(schoolA.uai)).stream));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data.outcome.status).toBe("VALIDATION_ERROR");
    expect(body.data.stagedImportId).toBeNull();
    expect(body.data.outcome.errors.map((e: { code: string }) => e.code)).toContain("UAI_MISMATCHED");
    expect(await learnersOf(schoolA.id)).toBe(0);
    expect(await learnersOf(schoolB.id)).toBe(0);
    expect(await prisma.siecleImport.count({ where: { schoolId: schoolA.id } })).toBe(0);
  });

  it("refuses a body over 20 MB while reading it, with the French message, and records nothing", async () => {
    const school = await createSchool({ uai: "0999106F" });
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    await actAs(admin.userId, school.id);
    const { stream, pulled } = oversizedStream(MAX_UPLOAD_BYTES + 5 * 1024 * 1024);

    const response = await POST(upload(stream));

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      status: "error",
      code: "PAYLOAD_TOO_LARGE",
      message: "Le fichier dépasse la taille maximale de 20 Mo.",
    });
    // Stopped at the limit, not after the whole body.
    expect(pulled.bytes).toBeLessThan(MAX_UPLOAD_BYTES + 1024 * 1024);
    expect(await prisma.siecleImport.count()).toBe(0);
    expect(await learnersOf(school.id)).toBe(0);
  });

  it("refuses a declared Content-Length over 20 MB without reading the body", async () => {
    const school = await createSchool({ uai: "0999107G" });
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    await actAs(admin.userId, school.id);
    const { stream, pulled } = streamOf(fileFor(school.uai));

    const response = await POST(upload(stream, { headers: { "content-length": String(MAX_UPLOAD_BYTES + 1) } }));

    expect(response.status).toBe(413);
    expect((await response.json()).message).toBe("Le fichier dépasse la taille maximale de 20 Mo.");
    expect(pulled.bytes).toBeLessThanOrEqual(4096);
    expect(await learnersOf(school.id)).toBe(0);
  });

  it("refuses another origin, or no Origin header, even with a valid ADMIN session", async () => {
    const school = await createSchool({ uai: "0999108H" });
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    await actAs(admin.userId, school.id);

    for (const origin of ["https://evil.example", "http://orga.pix.example", null]) {
      const response = await POST(upload(streamOf(fileFor(school.uai)).stream, { origin }));
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ status: "error", code: "FORBIDDEN" });
    }
    expect(await learnersOf(school.id)).toBe(0);
    expect(await prisma.siecleImport.count()).toBe(0);
  });
});
