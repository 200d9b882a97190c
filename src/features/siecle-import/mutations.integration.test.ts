import { Readable } from "node:stream";
import pg from "pg";
import { describe, expect, it } from "vitest";

import { createCampaign } from "../../../tests/factories/campaigns";
import { createGarStudentUser, createLearner } from "../../../tests/factories/learners";
import { createMember, createSchool } from "../../../tests/factories/schools";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";

import { latin9, oneStudent, siecleDocument } from "./domain/__fixtures__/siecle-builders";
import {
  importSiecleFile,
  LEARNER_FILE_COLUMNS,
  LEARNER_INSERT_COLUMNS,
  LEARNER_UPDATE_COLUMNS,
  SCHOOL_CHANGER_LINK_AUDIT_ACTION,
  SIECLE_IMPORT_COLUMNS,
  STAGED_LEARNER_COLUMNS,
  STAGING_COLUMNS,
} from "./mutations";

const TODAY = new Date(2026, 8, 15);

type Pupil = { id: string; ine: string; division?: string; fields?: Record<string, string | null> };

function fileOf(pupils: Pupil[], uai = "0999001W"): Uint8Array {
  const built = pupils.map((p) => oneStudent(p.id, p.ine, p.division ?? "4E B", p.fields));
  return latin9(
    siecleDocument({ uai, students: built.map((b) => b.student), structures: built.map((b) => b.structure) }),
  );
}

const pupils = (from: number, count: number, division = "4E B"): Pupil[] =>
  Array.from({ length: count }, (_, i) => ({
    id: String(from + i),
    ine: `${String(from + i).padStart(10, "0")}X`,
    division,
  }));

async function setup() {
  const school = await createSchool({ uai: "0999001W" });
  const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
  const run = (bytes: Uint8Array | AsyncIterable<Uint8Array>, extra: { dryRun?: boolean; lockWaitMs?: number } = {}) =>
    importSiecleFile({
      schoolId: school.id,
      actorUserId: admin.userId,
      fileName: "ElevesSansAdresses.xml",
      bytes,
      dryRun: false,
      today: TODAY,
      ...extra,
    });
  return { school, admin, run };
}

const learnerRows = (schoolId: number) =>
  prisma.learner.findMany({ where: { schoolId }, orderBy: { nationalStudentId: "asc" } });

describe("importing a SIECLE file", () => {
  it("creates the learners with their data, records the import and audit-logs counts only", async () => {
    const { school, admin, run } = await setup();
    const bytes = fileOf([
      { id: "1", ine: "1000000001A", division: "4E B", fields: { PRENOM: "Chlœ", NOM_DE_FAMILLE: "CŒURDEROY" } },
      { id: "2", ine: "1000000002B", division: "3E A" },
      { id: "3", ine: "1000000003C", division: "4E B", fields: { DATE_SORTIE: "01/03/2026" } },
    ]);

    const outcome = await run(bytes);

    expect(outcome).toMatchObject({
      status: "IMPORTED",
      created: 2,
      updated: 0,
      disabled: 0,
      skipped: 1,
      divisions: ["3E A", "4E B"],
      errors: [],
    });
    const rows = await learnerRows(school.id);
    expect(rows.map((r) => [r.nationalStudentId, r.firstName, r.lastName, r.division, r.isDisabled, r.userId])).toEqual(
      [
        ["1000000001A", "Chlœ", "CŒURDEROY", "4E B", false, null],
        ["1000000002B", "Maëlys", "BERTHELOT", "3E A", false, null],
      ],
    );
    expect(rows[0]?.birthdate.toISOString()).toBe("2011-02-03T00:00:00.000Z");
    expect(rows[0]).toMatchObject({
      siecleStudentId: "1",
      sex: "F",
      birthCountryCode: "100",
      birthCityCode: "69123",
      status: "ST",
    });

    const record = await prisma.siecleImport.findUniqueOrThrow({ where: { id: outcome.importId! } });
    expect(record).toMatchObject({
      schoolId: school.id,
      createdById: admin.userId,
      fileName: "ElevesSansAdresses.xml",
      format: "XML",
      status: "IMPORTED",
      createdCount: 2,
      updatedCount: 0,
      disabledCount: 0,
      skippedCount: 1,
      divisions: ["3E A", "4E B"],
      errors: [],
    });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { schoolId: school.id, action: "siecle.import" } });
    expect(audit).toMatchObject({
      actorUserId: admin.userId,
      targetType: "siecle_import",
      targetId: String(outcome.importId),
    });
    expect(JSON.stringify(audit.data)).not.toMatch(/1000000001A|Chl|CŒUR|2011/);
  });

  it("changes nothing when the same file is imported twice", async () => {
    const { school, run } = await setup();
    const bytes = fileOf(pupils(1, 30));
    await run(bytes);
    const before = await learnerRows(school.id);

    const again = await run(bytes);

    expect(again).toMatchObject({ status: "IMPORTED", created: 0, updated: 0, disabled: 0 });
    expect(await learnerRows(school.id)).toEqual(before);
  });

  it("imports a stream (an upload, a file on disk) as it imports the same bytes", async () => {
    const { school, admin, run } = await setup();
    const bytes = fileOf(pupils(1, 30));
    const upload = new File([new Uint8Array(bytes)], "ElevesSansAdresses.xml");

    const fromUpload = await importSiecleFile({
      schoolId: school.id,
      actorUserId: admin.userId,
      fileName: upload.name,
      bytes: upload.stream(),
      dryRun: false,
      today: TODAY,
    });
    expect(fromUpload).toMatchObject({ status: "IMPORTED", created: 30, errors: [] });
    const rows = await learnerRows(school.id);

    // In chunks of 100 bytes: the same learners, nothing to change.
    const again = await run(fileOf(pupils(1, 30)));
    expect(again).toMatchObject({ status: "IMPORTED", created: 0, updated: 0, disabled: 0 });
    const chunked = Readable.from(
      Array.from({ length: Math.ceil(bytes.length / 100) }, (_, i) => bytes.subarray(i * 100, i * 100 + 100)),
    );
    expect(await run(chunked)).toMatchObject({ status: "IMPORTED", created: 0, updated: 0, disabled: 0 });
    expect(await learnerRows(school.id)).toEqual(rows);
  });

  it("closes a stream it does not read (unknown school)", async () => {
    const stream = Readable.from([fileOf(pupils(1, 1))]);
    await expect(
      importSiecleFile({ schoolId: 999_999, actorUserId: null, fileName: "x.xml", bytes: stream, dryRun: false }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(stream.destroyed).toBe(true);
  });

  it("a dry run computes the preview and writes nothing", async () => {
    const { school, run } = await setup();
    await run(fileOf(pupils(1, 5)));
    const before = await learnerRows(school.id);
    const importsBefore = await prisma.siecleImport.count();

    const preview = await run(fileOf([...pupils(3, 5), ...pupils(100, 2, "6E 1")]), { dryRun: true });

    expect(preview).toMatchObject({
      status: "DRY_RUN",
      created: 4,
      updated: 0,
      disabled: 2,
      divisions: ["4E B", "6E 1"],
      importId: null,
    });
    expect(await learnerRows(school.id)).toEqual(before);
    expect(await prisma.siecleImport.count()).toBe(importsBefore);
  });
});

describe("re-importing with churn", () => {
  it("keeps every participation, answer and account link, disables the absent and re-enables the returning", async () => {
    const { school, admin, run } = await setup();
    await run(
      fileOf([
        { id: "1", ine: "1000000001A", division: "4E B" },
        { id: "2", ine: "1000000002B", division: "4E B" },
        { id: "3", ine: "1000000003C", division: "4E B" },
      ]),
    );
    const [a, b] = await learnerRows(school.id);
    const userA = await createGarStudentUser({ garId: "ido-a" });
    const userB = await createGarStudentUser({ garId: "ido-b" });
    await prisma.learner.update({ where: { id: a!.id }, data: { userId: userA.id } });
    await prisma.learner.update({ where: { id: b!.id }, data: { userId: userB.id } });
    const campaign = await createCampaign({ schoolId: school.id, ownerId: admin.userId, division: "4E B" });
    for (const [learner, user] of [
      [a!, userA],
      [b!, userB],
    ] as const) {
      await prisma.participation.create({
        data: {
          schoolId: school.id,
          campaignId: campaign.id,
          learnerId: learner.id,
          userId: user.id,
          status: "SHARED",
          masteryRate: 0.5,
          answers: { create: [{ schoolId: school.id, challengeId: "ch-test-1", value: "a", result: "OK" }] },
        },
      });
    }
    const snapshot = async () => ({
      participations: await prisma.participation.findMany({ orderBy: { id: "asc" } }),
      answers: await prisma.answer.findMany({ orderBy: { id: "asc" } }),
      methods: await prisma.authenticationMethod.findMany({ orderBy: { id: "asc" } }),
      users: await prisma.user.findMany({ orderBy: { id: "asc" } }),
    });
    const workBefore = await snapshot();

    // A changes class, B leaves, C stays, D arrives.
    const churn = await run(
      fileOf([
        { id: "1", ine: "1000000001A", division: "3E A" },
        { id: "3", ine: "1000000003C", division: "4E B" },
        { id: "4", ine: "1000000004D", division: "4E B" },
      ]),
    );

    expect(churn).toMatchObject({ status: "IMPORTED", created: 1, updated: 1, disabled: 1 });
    expect(await snapshot()).toEqual(workBefore);
    const after = await learnerRows(school.id);
    expect(after.map((l) => [l.nationalStudentId, l.id, l.division, l.isDisabled, l.userId])).toEqual([
      ["1000000001A", a!.id, "3E A", false, userA.id],
      ["1000000002B", b!.id, "4E B", true, userB.id],
      ["1000000003C", after[2]!.id, "4E B", false, null],
      ["1000000004D", after[3]!.id, "4E B", false, null],
    ]);

    // B comes back: same row, same link, enabled again.
    const back = await run(
      fileOf([
        { id: "2", ine: "1000000002B", division: "4E B" },
        { id: "1", ine: "1000000001A", division: "3E A" },
      ]),
    );
    expect(back).toMatchObject({ created: 0, updated: 1, disabled: 2 });
    const bAfter = await prisma.learner.findUniqueOrThrow({ where: { id: b!.id } });
    expect(bAfter).toMatchObject({ isDisabled: false, userId: userB.id });
    expect(await snapshot()).toEqual(workBefore);
  });

  it("links a school changer to the user they already have in another school (same INE, birth date and names), audit-logged", async () => {
    const { school, admin, run } = await setup();
    const previousSchool = await createSchool();
    const mover = await createGarStudentUser({ garId: "ido-mover" });
    const homonym = await createGarStudentUser({ garId: "ido-homonym" });
    const forgedVictim = await createGarStudentUser({ garId: "ido-victim" });
    // The file's pupils are all "Maëlys BERTHELOT", born 03/02/2011.
    const moverBefore = await createLearner(previousSchool.id, {
      nationalStudentId: "1000000001A",
      firstName: "Maelys",
      lastName: "Berthelot",
      birthdate: "2011-02-03",
      userId: mover.id,
      isDisabled: true,
    });
    await createLearner(previousSchool.id, {
      nationalStudentId: "1000000002B",
      firstName: "Maëlys",
      lastName: "BERTHELOT",
      birthdate: "2011-02-04",
      userId: homonym.id,
    });
    // Same INE and birth date, another pupil: a forged row must not attach them.
    await createLearner(previousSchool.id, {
      nationalStudentId: "1000000003C",
      firstName: "Côme",
      lastName: "MÜLLER",
      birthdate: "2011-02-03",
      userId: forgedVictim.id,
    });

    await run(
      fileOf([
        { id: "1", ine: "1000000001A" },
        { id: "2", ine: "1000000002B" },
        { id: "3", ine: "1000000003C" },
      ]),
    );

    const rows = await learnerRows(school.id);
    expect(rows.map((r) => [r.nationalStudentId, r.userId])).toEqual([
      ["1000000001A", mover.id],
      ["1000000002B", null],
      ["1000000003C", null],
    ]);
    const audits = await prisma.auditLog.findMany({ where: { action: SCHOOL_CHANGER_LINK_AUDIT_ACTION } });
    expect(audits).toEqual([
      expect.objectContaining({
        schoolId: school.id,
        actorUserId: admin.userId,
        targetType: "learner",
        targetId: String(rows[0]!.id),
        data: { userId: mover.id, sourceLearnerId: moverBefore.id, sourceSchoolId: previousSchool.id },
      }),
    ]);
    expect(JSON.stringify(audits)).not.toMatch(/1000000001A|BERTHELOT|2011-02-03/);
  });

  it("links school changers in every batch of a large import", async () => {
    const { school, run } = await setup();
    const previousSchool = await createSchool();
    const count = 2_100;
    const mover = await createGarStudentUser({ garId: "ido-mover-batch" });
    const last = pupils(1, count).at(-1)!;
    await createLearner(previousSchool.id, {
      nationalStudentId: last.ine,
      firstName: "Maëlys",
      lastName: "BERTHELOT",
      birthdate: "2011-02-03",
      userId: mover.id,
    });
    await run(fileOf(pupils(1, count)));
    expect(
      await prisma.learner.findFirstOrThrow({ where: { schoolId: school.id, nationalStudentId: last.ine } }),
    ).toMatchObject({ userId: mover.id });
    expect(await prisma.auditLog.count({ where: { action: SCHOOL_CHANGER_LINK_AUDIT_ACTION } })).toBe(1);
  });
});

describe("imports that must write nothing", () => {
  it("a file with errors leaves the learners as they were and records every error", async () => {
    const { school, run } = await setup();
    await run(fileOf(pupils(1, 3)));
    const before = await learnerRows(school.id);

    const outcome = await run(
      fileOf([
        ...pupils(10, 2),
        { id: "20", ine: "2000000000A", fields: { DATE_NAISS: "" } },
        { id: "21", ine: "2000000000A" },
      ]),
    );

    expect(outcome.status).toBe("VALIDATION_ERROR");
    expect(outcome.errors.map((e) => e.code)).toEqual(["BIRTHDATE_REQUIRED", "INE_UNIQUE"]);
    expect(await learnerRows(school.id)).toEqual(before);
    const record = await prisma.siecleImport.findUniqueOrThrow({ where: { id: outcome.importId! } });
    expect(record.status).toBe("VALIDATION_ERROR");
    expect(record.errors).toEqual(outcome.errors);
  });

  it("refuses the file of another school (UAI_MISMATCHED)", async () => {
    const { school, run } = await setup();
    const outcome = await run(fileOf(pupils(1, 3), "0751234X"));
    expect(outcome.errors.map((e) => e.code)).toEqual(["UAI_MISMATCHED"]);
    expect(await prisma.learner.count({ where: { schoolId: school.id } })).toBe(0);
  });

  it("a crash in the middle of applying leaves the previous list intact", async () => {
    const { school, run } = await setup();
    await run(fileOf(pupils(1, 10)));
    const before = await learnerRows(school.id);
    // A real database failure after the inserts have run, inside the import's transaction.
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_fail_on_crash_name() RETURNS trigger AS $$
      BEGIN
        IF NEW.first_name = 'CRASH' THEN RAISE EXCEPTION 'simulated crash'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER test_fail_on_crash BEFORE UPDATE ON learners FOR EACH ROW EXECUTE FUNCTION test_fail_on_crash_name()`,
    );
    try {
      const file = fileOf([
        ...pupils(1, 5),
        { id: "9", ine: "0000000009X", fields: { PRENOM: "CRASH" } },
        ...pupils(50, 5),
      ]);
      await expect(run(file)).rejects.toThrow(/simulated crash/);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_on_crash ON learners`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_fail_on_crash_name()`);
    }
    expect(await learnerRows(school.id)).toEqual(before);
    const statuses = await prisma.siecleImport.findMany({ orderBy: { id: "asc" }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["IMPORTED", "FAILED"]);
  });

  it("answers NOT_FOUND for an unknown or archived school", async () => {
    await expect(
      importSiecleFile({
        schoolId: 999_999,
        actorUserId: null,
        fileName: "x.xml",
        bytes: fileOf(pupils(1, 1)),
        dryRun: false,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("concurrent imports of one school", () => {
  it("never interleave: the second applies entirely after the first", async () => {
    const { school, run } = await setup();
    const first = pupils(1, 400, "6E 1");
    const second = pupils(1000, 400, "5E 2");

    const [x, y] = await Promise.all([run(fileOf(first)), run(fileOf(second))]);

    const outcomes = [x, y].sort((p, q) => p.importId! - q.importId!);
    // The one that ran first created its 400; the other created its own 400 and disabled exactly
    // those — which only holds if it saw the first one's rows complete and nothing else.
    expect(outcomes[0]).toMatchObject({ created: 400, disabled: 0 });
    expect(outcomes[1]).toMatchObject({ created: 400, disabled: 400 });
    const enabled = await prisma.learner.findMany({
      where: { schoolId: school.id, isDisabled: false },
      select: { division: true },
    });
    expect(enabled).toHaveLength(400);
    expect(new Set(enabled.map((l) => l.division)).size).toBe(1);
  });

  it("answers BUSY when another import holds the school for too long", async () => {
    const { school, run } = await setup();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1::int, $2::int)", [0x51ec1e, school.id]);
      const error = await run(fileOf(pupils(1, 3)), { lockWaitMs: 300 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "BUSY" });
      await client.query("ROLLBACK");
    } finally {
      await client.end();
    }
    expect(await prisma.learner.count({ where: { schoolId: school.id } })).toBe(0);
    // Once the other one is done, the import goes through.
    expect((await run(fileOf(pupils(1, 3)))).created).toBe(3);
  });
});

describe("the raw writer's column lists match the schema", () => {
  type CatalogColumn = { table_name: string; column_name: string; data_type: string };
  const catalog = async () => {
    const rows = await prisma.$queryRaw<CatalogColumn[]>`
      SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'
        AND table_name IN ('learners', 'siecle_imports', 'siecle_import_stagings', 'siecle_import_staged_learners')`;
    const byTable = new Map<string, Map<string, string>>();
    for (const row of rows)
      byTable.set(row.table_name, (byTable.get(row.table_name) ?? new Map()).set(row.column_name, row.data_type));
    return byTable;
  };
  const names = (table: Map<string, string> | undefined) => [...(table?.keys() ?? [])].sort();

  it("writes every column of each table it inserts into (read from PostgreSQL's catalog), and no other", async () => {
    const tables = await catalog();
    expect([...LEARNER_INSERT_COLUMNS, "id"].sort()).toEqual(names(tables.get("learners")));
    expect([...SIECLE_IMPORT_COLUMNS, "id"].sort()).toEqual(names(tables.get("siecle_imports")));
    expect([...STAGING_COLUMNS].sort()).toEqual(names(tables.get("siecle_import_stagings")));
    expect([...STAGED_LEARNER_COLUMNS].sort()).toEqual(names(tables.get("siecle_import_staged_learners")));
    expect(new Set(LEARNER_INSERT_COLUMNS).size).toBe(LEARNER_INSERT_COLUMNS.length);
  });

  it("updates only file columns that exist, and types them as the tables do (text, the birth date a date)", async () => {
    const tables = await catalog();
    const learners = tables.get("learners")!;
    for (const column of LEARNER_UPDATE_COLUMNS) expect(learners.has(column), column).toBe(true);
    expect(LEARNER_UPDATE_COLUMNS).not.toContain("national_student_id");
    expect(LEARNER_UPDATE_COLUMNS).not.toContain("user_id");
    for (const column of LEARNER_FILE_COLUMNS) {
      const expected = column === "birthdate" ? "date" : "text";
      expect(learners.get(column), column).toBe(expected);
      expect(tables.get("siecle_import_staged_learners")!.get(column), column).toBe(expected);
    }
  });
});
