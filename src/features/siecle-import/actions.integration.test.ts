import { beforeEach, describe, expect, it, vi } from "vitest";

import { createMember, createSchool } from "../../../tests/factories/schools";
import { prisma } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { runHousekeeping } from "@/lib/housekeeping";
import { createSessionRecord } from "@/lib/session-store";

import { latin9, oneStudent, siecleDocument } from "./domain/__fixtures__/siecle-builders";

/**
 * The import page's protocol as the browser drives it: the upload route stages the file (a real
 * streamed Request), then *Confirmer l'import* calls the `confirmSiecleImport` server action with
 * the staged import's id. Session, role and school are re-read from the database; only the
 * request context is stood in for (the cookie behind `next/headers`; `revalidatePath`).
 */
const cookie: { token: string | null } = { token: null };

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "pix_session" && cookie.token ? { name, value: cookie.token } : undefined),
    set: () => {},
    delete: () => {},
  }),
  headers: async () => new Headers({ host: "localhost" }),
}));

vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: () => {},
}));

const { POST } = await import("@/app/orga/eleves/import/televersement/route");
const { confirmSiecleImport } = await import("./actions");
const { importSiecleFile } = await import("./mutations");

const BASE_URL = "https://orga.pix.example";

beforeEach(() => {
  cookie.token = null;
  process.env.APP_BASE_URL = BASE_URL;
  resetEnvForTests();
});

const pupils = (from: number, count: number, division = "4E B") =>
  Array.from({ length: count }, (_, i) =>
    oneStudent(String(from + i), `${String(from + i).padStart(10, "0")}A`, division),
  );

function fileFor(uai: string, built = pupils(1, 3)): Uint8Array {
  return latin9(
    siecleDocument({ uai, students: built.map((b) => b.student), structures: built.map((b) => b.structure) }),
  );
}

function uploadRequest(bytes: Uint8Array, fileName = "ElevesSansAdresses.xml") {
  return new Request(`${BASE_URL}/orga/eleves/import/televersement`, {
    method: "POST",
    body: new Blob([bytes as BlobPart]).stream(),
    headers: {
      origin: BASE_URL,
      "content-type": "application/octet-stream",
      "x-file-name": encodeURIComponent(fileName),
    },
    duplex: "half",
  } as RequestInit);
}

async function actAs(userId: number, schoolId: number) {
  cookie.token = (await createSessionRecord({ userId, kind: "STAFF", currentSchoolId: schoolId })).token;
}

/** Uploads as the current session; returns the route's JSON. */
async function stage(bytes: Uint8Array, fileName?: string) {
  const response = await POST(uploadRequest(bytes, fileName));
  expect(response.status).toBe(200);
  return (await response.json()) as {
    status: "success";
    data: { outcome: { status: string; created: number }; stagedImportId: string | null };
  };
}

function confirm(stagedImportId: string) {
  const formData = new FormData();
  formData.set("stagedImportId", stagedImportId);
  return confirmSiecleImport({ status: "idle" }, formData);
}

const activeLearners = (schoolId: number) => prisma.learner.count({ where: { schoolId, isDisabled: false } });
const stagedRows = async () => ({
  stagings: await prisma.siecleImportStaging.count(),
  learners: await prisma.siecleImportStagedLearner.count(),
});

async function adminOf(uai: string) {
  const school = await createSchool({ uai });
  const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
  await actAs(admin.userId, school.id);
  return { school, admin };
}

describe("preview, then Confirmer l'import (server action) without a second upload", () => {
  it("stages the file without touching learners, then the action applies it by its id and deletes what was staged", async () => {
    const { school, admin } = await adminOf("0999201A");
    const body = await stage(fileFor(school.uai), "base élèves.xml");
    expect(body).toMatchObject({ status: "success", data: { outcome: { status: "DRY_RUN", created: 3 } } });
    const id = body.data.stagedImportId!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await activeLearners(school.id)).toBe(0);
    expect(await stagedRows()).toEqual({ stagings: 1, learners: 3 });
    const staging = await prisma.siecleImportStaging.findUniqueOrThrow({ where: { id } });
    expect(staging).toMatchObject({ schoolId: school.id, createdById: admin.userId, learnerCount: 3, format: "XML" });
    expect(staging.expiresAt.getTime() - staging.createdAt.getTime()).toBe(60 * 60 * 1000);

    const state = await confirm(id);

    expect(state).toMatchObject({
      status: "success",
      data: { status: "IMPORTED", created: 3, updated: 0, disabled: 0 },
    });
    expect(await activeLearners(school.id)).toBe(3);
    expect(await stagedRows()).toEqual({ stagings: 0, learners: 0 });
    const record = await prisma.siecleImport.findFirstOrThrow({ where: { schoolId: school.id, status: "IMPORTED" } });
    expect(record).toMatchObject({
      createdById: admin.userId,
      fileName: "base élèves.xml",
      format: "XML",
      createdCount: 3,
    });
  });

  it("applies a staged import once: parallel confirmations make one import, the others find nothing", async () => {
    const { school } = await adminOf("0999202B");
    const id = (await stage(fileFor(school.uai, pupils(1, 40)))).data.stagedImportId!;

    const states = await Promise.all(Array.from({ length: 5 }, () => confirm(id)));

    expect(states.filter((s) => s.status === "success")).toHaveLength(1);
    expect(states.filter((s) => s.status === "error" && s.code === "NOT_FOUND")).toHaveLength(4);
    expect(await prisma.learner.count({ where: { schoolId: school.id } })).toBe(40);
    expect(await prisma.siecleImport.count({ where: { schoolId: school.id, status: "IMPORTED" } })).toBe(1);
    expect(await stagedRows()).toEqual({ stagings: 0, learners: 0 });
    // A later confirmation of the same id (a double click, a replayed request) imports nothing either.
    expect(await confirm(id)).toMatchObject({ status: "error", code: "NOT_FOUND" });
  });

  it("is bound to its school and its uploader: another school's ADMIN, another ADMIN of the school and a MEMBER get nothing", async () => {
    const { school, admin } = await adminOf("0999203C");
    const id = (await stage(fileFor(school.uai))).data.stagedImportId!;

    const other = await adminOf("0999204D");
    expect(await confirm(id)).toMatchObject({ status: "error", code: "NOT_FOUND" });
    expect(await prisma.learner.count({ where: { schoolId: other.school.id } })).toBe(0);

    const colleague = await createMember({ schoolId: school.id, role: "ADMIN" });
    await actAs(colleague.userId, school.id);
    expect(await confirm(id)).toMatchObject({ status: "error", code: "NOT_FOUND" });

    const member = await createMember({ schoolId: school.id, role: "MEMBER" });
    await actAs(member.userId, school.id);
    expect(await confirm(id)).toMatchObject({ status: "error", code: "FORBIDDEN" });

    // The uploader, now in another school where they are ADMIN too, cannot apply it there.
    await createMember({ schoolId: other.school.id, role: "ADMIN", userId: admin.userId });
    await actAs(admin.userId, other.school.id);
    expect(await confirm(id)).toMatchObject({ status: "error", code: "NOT_FOUND" });

    expect(await prisma.learner.count()).toBe(0);
    expect(await stagedRows()).toEqual({ stagings: 1, learners: 3 });
    await actAs(admin.userId, school.id);
    expect(await confirm(id)).toMatchObject({ status: "success", data: { created: 3 } });
  });

  it("refuses an expired staged import, and housekeeping deletes it with its learners", async () => {
    const { school } = await adminOf("0999205E");
    const id = (await stage(fileFor(school.uai))).data.stagedImportId!;
    await prisma.siecleImportStaging.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await confirm(id)).toMatchObject({
      status: "error",
      code: "NOT_FOUND",
      message: expect.stringContaining("plus disponible"),
    });
    expect(await activeLearners(school.id)).toBe(0);

    const live = (await stage(fileFor(school.uai, pupils(10, 2)))).data.stagedImportId!;
    // The newer upload replaced the expired one already (one per person and school).
    expect(await stagedRows()).toEqual({ stagings: 1, learners: 2 });
    await prisma.siecleImportStaging.update({ where: { id: live }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await runHousekeeping()).toMatchObject({ stagedImports: 1 });
    expect(await stagedRows()).toEqual({ stagings: 0, learners: 0 });
  });

  it("a newer upload by the same person replaces the older preview", async () => {
    const { school } = await adminOf("0999206F");
    const first = (await stage(fileFor(school.uai, pupils(1, 3)))).data.stagedImportId!;
    const second = (await stage(fileFor(school.uai, pupils(1, 5)))).data.stagedImportId!;
    expect(await confirm(first)).toMatchObject({ status: "error", code: "NOT_FOUND" });
    expect(await confirm(second)).toMatchObject({ status: "success", data: { created: 5 } });
  });

  it("plans against the learners as they are when confirmed: an import made meanwhile, even in parallel, is not overwritten", async () => {
    const { school, admin } = await adminOf("0999207G");
    const directImport = (from: number, count: number) =>
      importSiecleFile({
        schoolId: school.id,
        actorUserId: admin.userId,
        fileName: "cli.xml",
        bytes: fileFor(school.uai, pupils(from, count)),
        dryRun: false,
      });
    // Previewed on an empty school: 3 to create.
    const id = (await stage(fileFor(school.uai, pupils(1, 3)))).data.stagedImportId!;
    // Meanwhile the operator imports 1..5 (its 1..3 are the staged pupils).
    await directImport(1, 5);

    const state = await confirm(id);
    expect(state).toMatchObject({ status: "success", data: { created: 0, updated: 0, disabled: 2, unchanged: 3 } });
    expect(await prisma.learner.count({ where: { schoolId: school.id } })).toBe(5);
    expect(await activeLearners(school.id)).toBe(3);

    // In parallel with another import of the school: the advisory lock queues them, one after the other.
    const again = (await stage(fileFor(school.uai, pupils(100, 4)))).data.stagedImportId!;
    const [confirmed, direct] = await Promise.all([confirm(again), directImport(200, 6)]);
    expect(confirmed.status).toBe("success");
    expect(direct.status).toBe("IMPORTED");
    expect(await prisma.learner.count({ where: { schoolId: school.id } })).toBe(15);
    const active = await prisma.learner.findMany({
      where: { schoolId: school.id, isDisabled: false },
      select: { nationalStudentId: true },
    });
    // Whichever ran last decided who is active: never a mix of both files.
    expect([4, 6]).toContain(active.length);
    const prefixes = new Set(active.map((l) => l.nationalStudentId.slice(0, 8)));
    expect(prefixes.size).toBe(1);
  });

  it("stores the validated learners faithfully: the staged import creates the rows a direct import creates", async () => {
    const built = [
      oneStudent("1", "1000000001A", "4E B", { PRENOM: "Chlœ", PRENOM2: null, NOM_DE_FAMILLE: "CŒURDEROY" }),
      oneStudent("2", "1000000002B", "3E A"),
    ];
    const direct = await createSchool({ uai: "0999208H" });
    const file = (uai: string) =>
      latin9(siecleDocument({ uai, students: built.map((b) => b.student), structures: built.map((b) => b.structure) }));
    await importSiecleFile({
      schoolId: direct.id,
      actorUserId: null,
      fileName: "x.xml",
      bytes: file(direct.uai),
      dryRun: false,
    });
    const { school } = await adminOf("0999209J");
    await confirm((await stage(file(school.uai))).data.stagedImportId!);

    const rowsOf = async (schoolId: number) =>
      (await prisma.learner.findMany({ where: { schoolId }, orderBy: { id: "asc" } })).map(
        ({ id: _id, schoolId: _s, createdAt: _c, updatedAt: _u, ...row }) => row,
      );
    expect(await rowsOf(school.id)).toEqual(await rowsOf(direct.id));
    expect((await rowsOf(school.id))[0]).toMatchObject({
      firstName: "Chlœ",
      lastName: "CŒURDEROY",
      nationalStudentId: "1000000001A",
    });
  });
});
