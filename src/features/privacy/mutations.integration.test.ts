import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { createCampaign } from "../../../tests/factories/campaigns";
import { createGarStudentUser, createLearner } from "../../../tests/factories/learners";
import { createMember, createSchool } from "../../../tests/factories/schools";
import { authorizedSchoolId } from "../../../tests/factories/session";
import { latin9, oneStudent, siecleDocument } from "@/features/siecle-import/domain/__fixtures__/siecle-builders";
import { importSiecleFile } from "@/features/siecle-import/mutations";
import { recordAudit } from "@/lib/audit";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { createSessionRecord } from "@/lib/session-store";

import { findLearnerIdByIne, getErasureCandidate } from "./data";
import { startJobs, stopJobs } from "@/lib/jobs";

import { INFRASTRUCTURE_SCHEMAS, INFRASTRUCTURE_TABLES, INVENTORY } from "./inventory";
import {
  LEARNER_ERASED_AUDIT_ACTION,
  LEARNER_EXPORTED_AUDIT_ACTION,
  eraseLearner,
  exportLearnerData,
  exportQuery,
} from "./mutations";

type CatalogColumn = { table_name: string; column_name: string; data_type: string };

async function catalog(): Promise<CatalogColumn[]> {
  return prisma.$queryRaw<CatalogColumn[]>`
    SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`;
}

async function expectDomainError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => new Error(`expected ${code}, got success`),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

const GAR_ID = "IDO-ZEPHYRINE-4242";
const IDENTITY = {
  firstName: "Zéphyrine",
  middleName: "Ondulinde",
  lastName: "QUARTZIBAR",
  preferredLastName: "QUARTZELLE",
  ine: "0987654321X",
  birthdate: "2011-07-23",
};
/** What must not be found anywhere after the erasure. */
const NEEDLES = [
  IDENTITY.firstName,
  IDENTITY.middleName,
  IDENTITY.lastName,
  IDENTITY.preferredLastName,
  IDENTITY.ine,
  IDENTITY.birthdate,
  "23/07/2011",
  GAR_ID,
];

/** A learner with everything the database can hold about them, and a classmate who must stay intact. */
async function arrange(uai = "0999001W") {
  const school = await createSchool({ uai });
  const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
  const schoolId = await authorizedSchoolId(school.id, { userId: admin.userId });
  const campaign = await createCampaign({ schoolId: school.id, ownerId: admin.userId });
  const user = await createGarStudentUser({
    garId: GAR_ID,
    firstName: IDENTITY.firstName,
    lastName: IDENTITY.lastName,
  });
  const learner = await createLearner(school.id, {
    nationalStudentId: IDENTITY.ine,
    firstName: IDENTITY.firstName,
    middleName: IDENTITY.middleName,
    lastName: IDENTITY.lastName,
    preferredLastName: IDENTITY.preferredLastName,
    birthdate: IDENTITY.birthdate,
    userId: user.id,
  });
  const classmate = await createLearner(school.id, { firstName: "Basile", lastName: "VOISIN" });
  const participation = await prisma.participation.create({
    data: {
      schoolId: school.id,
      campaignId: campaign.id,
      learnerId: learner.id,
      userId: user.id,
      status: "SHARED",
      masteryRate: 0.5,
      results: { competences: [{ id: "1.1", rate: 0.5 }] },
      sharedAt: new Date(),
    },
  });
  await prisma.answer.createMany({
    data: [
      {
        schoolId: school.id,
        participationId: participation.id,
        challengeId: "rec-1",
        value: `Je suis ${IDENTITY.firstName} ${IDENTITY.lastName}`,
        result: "KO",
      },
      { schoolId: school.id, participationId: participation.id, challengeId: "rec-2", value: "a", result: "OK" },
    ],
  });
  const identityHash = createHash("sha256").update(GAR_ID).digest("hex");
  await prisma.studentLockout.create({
    data: {
      schoolId: school.id,
      campaignId: campaign.id,
      identityHash,
      firstName: IDENTITY.firstName,
      lastName: IDENTITY.lastName,
      blockedUntil: new Date(Date.now() + 60_000),
    },
  });
  await prisma.throttleEvent.create({ data: { bucket: `gar-birthdate:identity:${identityHash}` } });
  await prisma.siecleImport.create({
    data: {
      schoolId: school.id,
      createdById: admin.userId,
      fileName: "eleves.xml",
      format: "XML",
      status: "VALIDATION_ERROR",
      errors: [
        {
          code: "INVALID_DATE",
          nationalStudentId: IDENTITY.ine,
          message: `${IDENTITY.lastName} ${IDENTITY.firstName} : date 23/07/2011 invalide`,
        },
        { code: "INVALID_DATE", nationalStudentId: "1111111111A", message: "VOISIN Basile : date invalide" },
      ],
    },
  });
  const staging = await prisma.siecleImportStaging.create({
    data: {
      id: "00000000-0000-4000-8000-000000000001",
      schoolId: school.id,
      createdById: admin.userId,
      fileName: "eleves.xml",
      format: "XML",
      skipped: {},
      learnerCount: 1,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  await prisma.siecleImportStagedLearner.create({
    data: {
      stagingId: staging.id,
      position: 1,
      nationalStudentId: IDENTITY.ine,
      firstName: IDENTITY.firstName,
      lastName: IDENTITY.lastName,
      sex: "F",
      birthdate: new Date(`${IDENTITY.birthdate}T00:00:00Z`),
      division: "6E A",
    },
  });
  await createSessionRecord({ userId: user.id, kind: "STUDENT" });
  await recordAudit({
    schoolId: school.id,
    actorUserId: admin.userId,
    action: "learner.dissociated",
    targetType: "learner",
    targetId: learner.id,
    data: { userId: user.id },
  });
  const actor = { userId: admin.userId, role: "ADMIN" as const };
  return { school, schoolId, admin, actor, campaign, user, learner, classmate, participation };
}

async function findNeedles(): Promise<string[]> {
  const hits: string[] = [];
  for (const column of await catalog()) {
    const [{ count }] = await prisma.$queryRawUnsafe<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM "${column.table_name}" WHERE "${column.column_name}"::text ILIKE ANY($1::text[])`,
      NEEDLES.map((needle) => `%${needle}%`),
    );
    if (count > 0) hits.push(`${column.table_name}.${column.column_name} (${count})`);
  }
  return hits;
}

describe("the data inventory", () => {
  it("classifies every table and column of the database (PostgreSQL's catalog), and nothing else", async () => {
    const columns = await catalog();
    const inDatabase = new Set(
      columns
        .filter((column) => !(INFRASTRUCTURE_TABLES as readonly string[]).includes(column.table_name))
        .map((column) => `${column.table_name}.${column.column_name}`),
    );
    const inInventory = new Set(
      INVENTORY.flatMap((entry) => Object.keys(entry.columns).map((c) => `${entry.table}.${c}`)),
    );
    expect(
      [...inDatabase].filter((column) => !inInventory.has(column)),
      "columns the inventory does not classify",
    ).toEqual([]);
    expect(
      [...inInventory].filter((column) => !inDatabase.has(column)),
      "inventory columns the database lacks",
    ).toEqual([]);
    expect(new Set(INVENTORY.map((entry) => entry.table)).size).toBe(INVENTORY.length);
    for (const table of INFRASTRUCTURE_TABLES) expect(columns.some((column) => column.table_name === table)).toBe(true);
  });

  it("lists every schema besides public as infrastructure, with its reason (the job queue's included)", async () => {
    // The job queue installs its schema when it first starts, as every app instance does.
    await startJobs([]);
    await stopJobs();
    const schemas = await prisma.$queryRaw<{ nspname: string }[]>`
      SELECT nspname FROM pg_namespace
      WHERE left(nspname, 3) <> 'pg_' AND nspname NOT IN ('information_schema', 'public') ORDER BY nspname`;
    expect(schemas.map((row) => row.nspname)).toEqual(INFRASTRUCTURE_SCHEMAS.map((entry) => entry.schema).sort());
    for (const entry of INFRASTRUCTURE_SCHEMAS) expect(entry.reason.length).toBeGreaterThan(40);
  });

  it("never exports a secret, and anonymises every personal column of the rows it anonymises", () => {
    const secrets = [
      "authentication_methods.password_hash",
      "sessions.id",
      "password_reset_tokens.token_hash",
      "invitations.token_hash",
    ];
    for (const entry of INVENTORY) {
      for (const [name, column] of Object.entries(entry.columns)) {
        if (secrets.includes(`${entry.table}.${name}`)) expect(column.exported, `${entry.table}.${name}`).toBe(false);
        if (column.personal && entry.erase === "anonymise")
          expect(column.erase, `${entry.table}.${name}`).not.toBe("keep");
      }
    }
  });
});

describe("exportLearnerData", () => {
  it("exports every exported column of every table about the learner, audit-logs the read, and holds no secret", async () => {
    const { schoolId, actor, learner, user, participation } = await arrange();
    const exported = await exportLearnerData({ schoolId, learnerId: learner.id, actor });

    for (const entry of INVENTORY) {
      if (!exportQuery(entry)) {
        expect(exported.tables[entry.table], entry.table).toBeUndefined();
        continue;
      }
      const expectedColumns = Object.entries(entry.columns)
        .filter(([, column]) => column.exported)
        .map(([name]) => name)
        .sort();
      for (const row of exported.tables[entry.table]!)
        expect(Object.keys(row).sort(), entry.table).toEqual(expectedColumns);
    }
    const t = exported.tables;
    expect(t.learners).toEqual([
      expect.objectContaining({ id: learner.id, first_name: IDENTITY.firstName, national_student_id: IDENTITY.ine }),
    ]);
    expect(t.users).toEqual([expect.objectContaining({ id: user.id })]);
    expect(t.authentication_methods).toEqual([expect.objectContaining({ provider: "GAR", external_id: GAR_ID })]);
    expect(t.participations).toEqual([expect.objectContaining({ id: participation.id, status: "SHARED" })]);
    expect(t.answers).toHaveLength(2);
    expect(t.campaigns).toHaveLength(1);
    expect(t.sessions).toHaveLength(1);
    expect(t.student_lockouts).toHaveLength(1);
    expect(t.siecle_imports).toEqual([
      expect.objectContaining({ errors: [expect.objectContaining({ nationalStudentId: IDENTITY.ine })] }),
    ]);
    expect(t.audit_logs).toEqual([expect.objectContaining({ action: "learner.dissociated" })]);
    const text = JSON.stringify(exported);
    expect(text).not.toContain("VOISIN");
    expect(text).not.toContain("scrypt");

    const audit = await prisma.auditLog.findMany({ where: { action: LEARNER_EXPORTED_AUDIT_ACTION } });
    expect(audit).toEqual([
      expect.objectContaining({
        schoolId,
        actorUserId: actor.userId,
        targetType: "learner",
        targetId: String(learner.id),
      }),
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Zéphyrine|QUARTZIBAR|0987654321X|2011-07-23/);
  });

  it("refuses a MEMBER (FORBIDDEN) and another school's ADMIN (NOT_FOUND), and records nothing", async () => {
    const { schoolId, learner } = await arrange();
    const teacher = await createMember({ schoolId, role: "MEMBER" });
    await expectDomainError(
      exportLearnerData({ schoolId, learnerId: learner.id, actor: { userId: teacher.userId, role: "MEMBER" } }),
      "FORBIDDEN",
    );
    const other = await createSchool({ uai: "0999002X" });
    const otherAdmin = await createMember({ schoolId: other.id, role: "ADMIN" });
    const otherSchoolId = await authorizedSchoolId(other.id, { userId: otherAdmin.userId });
    await expectDomainError(
      exportLearnerData({
        schoolId: otherSchoolId,
        learnerId: learner.id,
        actor: { userId: otherAdmin.userId, role: "ADMIN" },
      }),
      "NOT_FOUND",
    );
    expect(await prisma.auditLog.count({ where: { action: LEARNER_EXPORTED_AUDIT_ACTION } })).toBe(0);
  });
});

describe("eraseLearner", () => {
  it("leaves no name, INE, birth date or GAR id in any column of any table, keeps statistics, and audits without personal data", async () => {
    const { schoolId, actor, learner, classmate, participation, user } = await arrange();
    expect((await findNeedles()).length).toBeGreaterThan(5);
    const auditBefore = await prisma.auditLog.findMany({ orderBy: { id: "asc" } });

    const outcome = await eraseLearner({ schoolId, learnerId: learner.id, actor });

    expect(await findNeedles()).toEqual([]);
    expect(outcome.accountErased).toBe(true);
    const erased = await prisma.learner.findUniqueOrThrow({ where: { id: learner.id } });
    expect(erased).toMatchObject({ isDisabled: true, userId: null, division: "6E A", firstName: "ANONYME" });
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.birthdate.toISOString().slice(0, 10)).toBe("2011-01-01");
    // Statistics stay: the participation and right/wrong, tied to an anonymous account.
    const kept = await prisma.participation.findUniqueOrThrow({
      where: { id: participation.id },
      include: { answers: true },
    });
    expect(kept).toMatchObject({ status: "SHARED", masteryRate: 0.5 });
    expect(kept.userId).not.toBe(user.id);
    expect(kept.answers.map((a) => [a.result, a.value]).sort()).toEqual([
      ["KO", ""],
      ["OK", ""],
    ]);
    expect(await prisma.authenticationMethod.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    // The classmate and the other import error are untouched.
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: classmate.id } })).toEqual(classmate);
    const [siecleImport] = await prisma.siecleImport.findMany();
    expect(siecleImport!.errors).toEqual([expect.objectContaining({ nationalStudentId: "1111111111A" })]);
    // Audit rows are ids only: none was rewritten, one was added.
    const auditAfter = await prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.slice(auditBefore.length)).toEqual([
      expect.objectContaining({
        action: LEARNER_ERASED_AUDIT_ACTION,
        targetId: String(learner.id),
        actorUserId: actor.userId,
      }),
    ]);
    // Gone for the school's screens, the export and the CLI.
    expect(await getErasureCandidate(schoolId, learner.id)).toBeNull();
    expect(await findLearnerIdByIne(schoolId, IDENTITY.ine)).toBeNull();
    await expectDomainError(exportLearnerData({ schoolId, learnerId: learner.id, actor }), "NOT_FOUND");
  });

  it("runs once when two erasures of the same learner race: the other finds nothing", async () => {
    const { schoolId, actor, learner } = await arrange();
    const results = await Promise.allSettled([
      eraseLearner({ schoolId, learnerId: learner.id, actor }),
      eraseLearner({ schoolId, learnerId: learner.id, actor }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma.auditLog.count({ where: { action: LEARNER_ERASED_AUDIT_ACTION } })).toBe(1);
    expect(await prisma.user.count({ where: { firstName: "ANONYME", authenticationMethods: { none: {} } } })).toBe(2);
  });

  it("refuses a MEMBER and another school's ADMIN, and changes nothing", async () => {
    const { schoolId, learner } = await arrange();
    const before = await findNeedles();
    const teacher = await createMember({ schoolId, role: "MEMBER" });
    await expectDomainError(
      eraseLearner({ schoolId, learnerId: learner.id, actor: { userId: teacher.userId, role: "MEMBER" } }),
      "FORBIDDEN",
    );
    const other = await createSchool({ uai: "0999002X" });
    const otherAdmin = await createMember({ schoolId: other.id, role: "ADMIN" });
    const otherSchoolId = await authorizedSchoolId(other.id, { userId: otherAdmin.userId });
    await expectDomainError(
      eraseLearner({
        schoolId: otherSchoolId,
        learnerId: learner.id,
        actor: { userId: otherAdmin.userId, role: "ADMIN" },
      }),
      "NOT_FOUND",
    );
    expect(await findNeedles()).toEqual(before);
    expect(await prisma.auditLog.count({ where: { action: LEARNER_ERASED_AUDIT_ACTION } })).toBe(0);
  });

  it("leaves an account shared with another school's learner, removing only this school's traces", async () => {
    const { schoolId, actor, learner, user } = await arrange();
    const other = await createSchool({ uai: "0999003Y" });
    await createLearner(other.id, { userId: user.id, firstName: "Autre", lastName: "ECOLE" });
    const outcome = await eraseLearner({ schoolId, learnerId: learner.id, actor });
    expect(outcome.accountErased).toBe(false);
    expect(await prisma.authenticationMethod.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.participation.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: learner.id } })).toMatchObject({
      firstName: "ANONYME",
      userId: null,
    });
  });

  it("a re-import of the same INE creates a new row: the erased one stays anonymised", async () => {
    const { school, schoolId, admin, actor, learner } = await arrange();
    await eraseLearner({ schoolId, learnerId: learner.id, actor });
    const built = oneStudent("1", IDENTITY.ine, "6E A", {
      NOM_DE_FAMILLE: IDENTITY.lastName,
      PRENOM: IDENTITY.firstName,
      DATE_NAISS: "23/07/2011",
    });
    const outcome = await importSiecleFile({
      schoolId: school.id,
      actorUserId: admin.userId,
      fileName: "eleves.xml",
      bytes: latin9(siecleDocument({ uai: school.uai, students: [built.student], structures: [built.structure] })),
      dryRun: false,
      today: new Date(2026, 8, 15),
    });
    expect(outcome).toMatchObject({ status: "IMPORTED", created: 1 });
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: learner.id } })).toMatchObject({
      firstName: "ANONYME",
      isDisabled: true,
    });
    const again = await findLearnerIdByIne(schoolId, IDENTITY.ine);
    expect(again).not.toBeNull();
    expect(again).not.toBe(learner.id);
  });
});
