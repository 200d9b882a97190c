import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { readContent } from "../content/load-content";
import { prisma } from "../src/lib/db";
import { latin9, oneStudent, siecleDocument } from "../src/features/siecle-import/domain/__fixtures__/siecle-builders";
import { EXIT, runCli } from "./cli";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(""), stderr: err.join("\n") };
}

/** The CLI as its own process (each run opens and closes its own database connections). */
function cliProcess(...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/cli.ts", ...argv],
      { env: process.env },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const dir = mkdtempSync(path.join(tmpdir(), "siecle-cli-"));
function writeFile(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

function register(uai: string, ines: string[], extra: Record<string, string | null> = {}): Uint8Array {
  const built = ines.map((ine, i) => oneStudent(String(i + 1), ine, "4E B", extra));
  return latin9(
    siecleDocument({ uai, students: built.map((b) => b.student), structures: built.map((b) => b.structure) }),
  );
}

describe("npm run cli -- school:create", () => {
  it("creates the school and prints it as JSON", async () => {
    const result = await cli(
      "school:create",
      "--uai",
      "0999001w",
      "--name",
      "Collège Jean Moulin",
      "--email",
      "ce.0999001w@ac-demo.fr",
    );
    expect(result.code).toBe(EXIT.ok);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({ status: "CREATED", uai: "0999001W", name: "Collège Jean Moulin" });
    expect(await prisma.school.findUniqueOrThrow({ where: { id: printed.id } })).toMatchObject({
      officialEmail: "ce.0999001w@ac-demo.fr",
    });
  });

  it("refuses a missing option or a malformed UAI (2) and a UAI already in use (1)", async () => {
    expect((await cli("school:create", "--uai", "0999001W")).code).toBe(EXIT.usage);
    expect((await cli("school:create", "--uai", "123", "--name", "X")).code).toBe(EXIT.usage);
    expect((await cli("school:create", "--uai", "0999001W", "--name", "X", "--bogus")).code).toBe(EXIT.usage);
    expect((await cli("school:create", "--uai", "0999001W", "--name", "A")).code).toBe(EXIT.ok);
    const again = await cli("school:create", "--uai", "0999001W", "--name", "B");
    expect(again.code).toBe(EXIT.refused);
    expect(again.stderr).toContain("déjà l'UAI 0999001W");
  });
});

describe("npm run cli -- siecle:import", () => {
  it("previews with --dry-run, then imports, printing the issue's JSON shape", async () => {
    await cli("school:create", "--uai", "0999001W", "--name", "Collège");
    const file = writeFile("eleves.xml", register("0999001W", ["1000000001A", "1000000002B"]));

    const preview = await cli("siecle:import", "--uai", "0999001W", "--dry-run", file);
    expect(preview.code).toBe(EXIT.ok);
    expect(JSON.parse(preview.stdout)).toEqual({
      status: "DRY_RUN",
      created: 2,
      updated: 0,
      disabled: 0,
      skipped: 0,
      divisions: ["4E B"],
      errors: [],
    });
    expect(await prisma.learner.count()).toBe(0);

    const applied = await cli("siecle:import", "--uai", "0999001W", file);
    expect(applied.code).toBe(EXIT.ok);
    expect(JSON.parse(applied.stdout)).toMatchObject({ status: "IMPORTED", created: 2 });
    expect(await prisma.learner.count()).toBe(2);
    expect(await prisma.siecleImport.findFirst({ where: { status: "IMPORTED" } })).toMatchObject({
      fileName: "eleves.xml",
      createdById: null,
    });
  });

  it("exits 1 with every error (code, INE, field, message) when the file is invalid", async () => {
    await cli("school:create", "--uai", "0999001W", "--name", "Collège");
    const file = writeFile("invalide.xml", register("0999001W", ["1000000001A"], { DATE_NAISS: "" }));
    const result = await cli("siecle:import", "--uai", "0999001W", file);
    expect(result.code).toBe(EXIT.refused);
    expect(JSON.parse(result.stdout)).toEqual({
      status: "VALIDATION_ERROR",
      created: 0,
      updated: 0,
      disabled: 0,
      skipped: 0,
      divisions: [],
      errors: [
        {
          code: "BIRTHDATE_REQUIRED",
          nationalStudentId: "1000000001A",
          field: "DATE_NAISS",
          message: "Élève INE 1000000001A : la date de naissance est obligatoire.",
        },
      ],
    });
    expect(await prisma.learner.count()).toBe(0);
  });

  it("exits 2 for an unknown UAI, an unreadable path, no file or two files", async () => {
    await cli("school:create", "--uai", "0999001W", "--name", "Collège");
    const file = writeFile("ok.xml", register("0999001W", ["1000000001A"]));
    const unknown = await cli("siecle:import", "--uai", "0751234X", file);
    expect(unknown).toMatchObject({ code: EXIT.usage, stdout: "" });
    expect(unknown.stderr).toContain("Aucun établissement actif n'a l'UAI 0751234X");
    const missing = await cli("siecle:import", "--uai", "0999001W", path.join(dir, "absent.xml"));
    expect(missing).toMatchObject({ code: EXIT.usage, stdout: "" });
    expect(missing.stderr).toContain("Impossible de lire le fichier");
    expect((await cli("siecle:import", "--uai", "0999001W")).code).toBe(EXIT.usage);
    expect((await cli("siecle:import", "--uai", "0999001W", file, file)).code).toBe(EXIT.usage);
    expect((await cli("siecle:import", "--uai", "0999001W", dir)).code).toBe(EXIT.usage);
    expect((await cli("nope")).code).toBe(EXIT.usage);
  });

  it("as a process, prints exactly one JSON line on stdout and sets the exit code", async () => {
    await cli("school:create", "--uai", "0999001W", "--name", "Collège");
    const file = writeFile("process.xml", register("0999001W", ["1000000001A"]));
    const run = spawnSync(
      process.execPath,
      [
        path.resolve("node_modules/tsx/dist/cli.mjs"),
        "--conditions=react-server",
        "scripts/cli.ts",
        "siecle:import",
        "--uai",
        "0999001W",
        file,
      ],
      { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "info" } },
    );
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ status: "IMPORTED", created: 1 });
    // The info log line went to stderr, with no personal data.
    expect(run.stderr).toContain("siecle_import.imported");
    expect(run.stderr).not.toContain("1000000001A");
  });
});

describe("npm run cli -- content:load", () => {
  it("loads the content and records its version, then changes nothing when run again", async () => {
    const first = await cli("content:load");
    expect(first.code).toBe(EXIT.ok);
    const loaded = JSON.parse(first.stdout);
    expect(loaded).toMatchObject({
      status: "LOADED",
      previousVersion: null,
      challengesCreated: readContent().challenges.length,
    });
    expect(loaded.version).toMatch(/^[0-9a-f]{64}$/);
    expect(first.stderr).toContain(`Contenu chargé : version ${loaded.version.slice(0, 12)}`);
    expect(await prisma.targetProfile.count({ where: { isArchived: false } })).toBe(readContent().parcours.length);
    const versions = await prisma.contentVersion.findMany();
    expect(versions).toMatchObject([{ hash: loaded.version }]);
    const stamps = await prisma.challenge.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } });

    const again = await cli("content:load");
    expect(again.code).toBe(EXIT.ok);
    expect(JSON.parse(again.stdout)).toEqual({
      status: "UNCHANGED",
      version: loaded.version,
      previousVersion: loaded.version,
      loadedAt: versions[0]!.loadedAt.toISOString(),
      challengesCreated: 0,
      challengesUpdated: 0,
      challengesRemoved: 0,
      parcoursWritten: 0,
      parcoursArchived: 0,
    });
    expect(again.stderr).toContain("Contenu déjà à jour");
    expect(await prisma.contentVersion.count()).toBe(1);
    expect(await prisma.challenge.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } })).toEqual(
      stamps,
    );
  });

  it("repairs a question edited in the database and records the load", async () => {
    await cli("content:load");
    const original = readContent().challenges[0]!;
    await prisma.challenge.update({ where: { id: original.id }, data: { statement: "Énoncé modifié à la main." } });
    const repaired = await cli("content:load");
    expect(JSON.parse(repaired.stdout)).toMatchObject({ status: "LOADED", challengesUpdated: 1, challengesCreated: 0 });
    expect((await prisma.challenge.findUniqueOrThrow({ where: { id: original.id } })).statement).toBe(
      original.statement,
    );
    expect(await prisma.contentVersion.count()).toBe(2);
  });

  it(
    "run by two processes at once, loads once: one LOADED, one UNCHANGED, one version row",
    { timeout: 90_000 },
    async () => {
      const results = await Promise.all([cliProcess("content:load"), cliProcess("content:load")]);
      expect(results.map((r) => r.code)).toEqual([EXIT.ok, EXIT.ok]);
      expect(results.map((r) => JSON.parse(r.stdout).status).sort()).toEqual(["LOADED", "UNCHANGED"]);
      expect(await prisma.contentVersion.count()).toBe(1);
      expect(await prisma.challenge.count()).toBe(readContent().challenges.length);
    },
  );

  it("refuses arguments (2)", async () => {
    expect((await cli("content:load", "extra")).code).toBe(EXIT.usage);
    expect((await cli("content:load", "--force")).code).toBe(EXIT.usage);
    expect(await prisma.contentVersion.count()).toBe(0);
  });
});

describe("npm run cli -- learner:export / learner:erase", () => {
  async function importedLearner() {
    await cli("school:create", "--uai", "0999001W", "--name", "Collège");
    const file = writeFile("un-eleve.xml", register("0999001W", ["1000000001A", "1000000002B"]));
    expect((await cli("siecle:import", "--uai", "0999001W", file)).code).toBe(EXIT.ok);
    return prisma.learner.findFirstOrThrow({ where: { nationalStudentId: "1000000001A" } });
  }

  it("exports one learner as JSON on stdout, audit-logged as the operator's", async () => {
    const learner = await importedLearner();
    const result = await cli("learner:export", "--uai", "0999001w", "--ine", "1000000001a");
    expect(result.code).toBe(EXIT.ok);
    const exported = JSON.parse(result.stdout);
    expect(exported).toMatchObject({ format: "pix-orga/learner-export/1", learnerId: learner.id });
    expect(exported.tables.learners).toEqual([expect.objectContaining({ national_student_id: "1000000001A" })]);
    expect(exported.tables.siecle_imports).toHaveLength(1);
    expect(await prisma.auditLog.findFirst({ where: { action: "learner.exported" } })).toMatchObject({
      actorUserId: null,
      targetId: String(learner.id),
    });
  });

  it("exits 2 for an unknown UAI or INE, or a malformed INE, with nothing on stdout", async () => {
    await importedLearner();
    for (const args of [
      ["--uai", "0751234X", "--ine", "1000000001A"],
      ["--uai", "0999001W", "--ine", "9999999999Z"],
      ["--uai", "0999001W", "--ine", "12"],
      ["--uai", "0999001W"],
    ]) {
      const result = await cli("learner:export", ...args);
      expect(result, args.join(" ")).toMatchObject({ code: EXIT.usage, stdout: "" });
    }
    expect(await prisma.auditLog.count({ where: { action: "learner.exported" } })).toBe(0);
  });

  it("erases only with --confirm, then the INE is unknown", async () => {
    const learner = await importedLearner();
    const refused = await cli("learner:erase", "--uai", "0999001W", "--ine", "1000000001A");
    expect(refused).toMatchObject({ code: EXIT.usage, stdout: "" });
    expect(refused.stderr).toContain("--confirm");
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: learner.id } })).toEqual(learner);

    const erased = await cli("learner:erase", "--uai", "0999001W", "--ine", "1000000001A", "--confirm");
    expect(erased.code).toBe(EXIT.ok);
    expect(JSON.parse(erased.stdout)).toMatchObject({ status: "ERASED", learnerId: learner.id });
    expect(erased.stdout + erased.stderr).not.toContain("1000000001A");
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: learner.id } })).toMatchObject({
      nationalStudentId: `EFFACE-${learner.id}`,
      isDisabled: true,
    });
    const again = await cli("learner:erase", "--uai", "0999001W", "--ine", "1000000001A", "--confirm");
    expect(again.code).toBe(EXIT.usage);
  });
});

describe("npm run cli -- housekeeping", () => {
  it("prints one JSON object of counts per rule, with the clock given", async () => {
    const result = await cli("housekeeping", "--now", "2027-06-30T00:00:00Z");
    expect(result.code).toBe(EXIT.ok);
    const counts = JSON.parse(result.stdout);
    expect(counts).toMatchObject({
      now: "2027-06-30T00:00:00.000Z",
      departedLearners: 0,
      inactiveGarAccounts: 0,
      auditEntries: 0,
      rejectedImportErrors: 0,
      offboardedSchools: 0,
      technicalRecords: expect.objectContaining({ sessions: 0, invitations: 0, passwordResetTokens: 0 }),
    });
  });

  it("refuses a clock that is not an ISO date", async () => {
    for (const now of ["demain", "30/06/2027", ""]) {
      expect(await cli("housekeeping", "--now", now), now).toMatchObject({ code: EXIT.usage, stdout: "" });
    }
  });
});

describe("school offboarding, end to end (CLI request, grace period, cancel, erasure by housekeeping)", () => {
  it("erases the school's personal data 3 months after the request, closes its staff accounts, keeps the rest", async () => {
    await cli("school:create", "--uai", "0999001W", "--name", "Collège du Départ", "--email", "ce.0999001w@ac-test.fr");
    await cli("school:create", "--uai", "0999002X", "--name", "Collège qui reste");
    const file = writeFile("depart.xml", register("0999001W", ["1000000001A", "1000000002B"]));
    expect((await cli("siecle:import", "--uai", "0999001W", file)).code).toBe(EXIT.ok);
    const other = writeFile("reste.xml", register("0999002X", ["2000000001A"]));
    expect((await cli("siecle:import", "--uai", "0999002X", other)).code).toBe(EXIT.ok);
    const school = await prisma.school.findFirstOrThrow({ where: { uai: "0999001W" } });
    const otherSchool = await prisma.school.findFirstOrThrow({ where: { uai: "0999002X" } });
    // Staff: one ADMIN only here, one also member of the other school.
    const onlyHere = await prisma.user.create({
      data: {
        firstName: "Ada",
        lastName: "SEULE",
        email: "ada@example.test",
        authenticationMethods: { create: { provider: "PASSWORD", passwordHash: "x" } },
      },
    });
    const both = await prisma.user.create({
      data: {
        firstName: "Bob",
        lastName: "DOUBLE",
        email: "bob@example.test",
        authenticationMethods: { create: { provider: "PASSWORD", passwordHash: "x" } },
      },
    });
    await prisma.member.createMany({
      data: [
        { schoolId: school.id, userId: onlyHere.id, role: "ADMIN" },
        { schoolId: school.id, userId: both.id, role: "MEMBER" },
        { schoolId: otherSchool.id, userId: both.id, role: "ADMIN" },
      ],
    });

    expect(await cli("school:offboard", "--uai", "0999001W")).toMatchObject({ code: EXIT.usage, stdout: "" });
    const requested = await cli("school:offboard", "--uai", "0999001W", "--confirm");
    expect(requested.code).toBe(EXIT.ok);
    const { eraseAfter, requestedAt } = JSON.parse(requested.stdout) as { eraseAfter: string; requestedAt: string };
    expect(new Date(eraseAfter).getTime() - new Date(requestedAt).getTime()).toBeGreaterThan(88 * 24 * 3600_000);
    // A second request changes nothing.
    expect((await cli("school:offboard", "--uai", "0999001W", "--confirm")).code).toBe(EXIT.refused);

    // Cancelled during the grace period: nothing is erased even long after.
    expect((await cli("school:offboard", "--uai", "0999001W", "--cancel")).code).toBe(EXIT.ok);
    const farAway = new Date(new Date(eraseAfter).getTime() + 30 * 24 * 3600_000).toISOString();
    expect(JSON.parse((await cli("housekeeping", "--now", farAway)).stdout).offboardedSchools).toBe(0);
    expect(await prisma.learner.count({ where: { schoolId: school.id, erasedAt: null } })).toBe(2);

    // Asked again: kept the day before the end of the grace period, erased the day after.
    const again = JSON.parse((await cli("school:offboard", "--uai", "0999001W", "--confirm")).stdout) as {
      eraseAfter: string;
    };
    const end = new Date(again.eraseAfter).getTime();
    const dayBefore = new Date(end - 24 * 3600_000).toISOString();
    const dayAfter = new Date(end + 24 * 3600_000).toISOString();
    expect(JSON.parse((await cli("housekeeping", "--now", dayBefore)).stdout).offboardedSchools).toBe(0);
    expect(await prisma.learner.count({ where: { schoolId: school.id, erasedAt: null } })).toBe(2);
    const done = await cli("housekeeping", "--now", dayAfter);
    expect(JSON.parse(done.stdout).offboardedSchools).toBe(1);

    // Every learner of the school anonymised; the other school's untouched.
    const learners = await prisma.learner.findMany({ where: { schoolId: school.id } });
    expect(
      learners.every(
        (l) => l.firstName === "ANONYME" && l.erasedAt !== null && l.nationalStudentId.startsWith("EFFACE-"),
      ),
    ).toBe(true);
    expect(await prisma.learner.count({ where: { schoolId: otherSchool.id, erasedAt: null } })).toBe(1);
    // Staff: the account with no other school closed and anonymised; the shared one keeps its other school.
    expect(await prisma.user.findUniqueOrThrow({ where: { id: onlyHere.id } })).toMatchObject({
      firstName: "ANONYME",
      email: null,
    });
    expect(await prisma.authenticationMethod.count({ where: { userId: onlyHere.id } })).toBe(0);
    expect(await prisma.member.count({ where: { schoolId: school.id } })).toBe(0);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: both.id } })).toMatchObject({ lastName: "DOUBLE" });
    expect(await prisma.member.count({ where: { userId: both.id, schoolId: otherSchool.id } })).toBe(1);
    // The school is archived and marked; the audit trail says so with counts only.
    expect(await prisma.school.findUniqueOrThrow({ where: { id: school.id } })).toMatchObject({
      archivedAt: expect.any(Date),
      offboardedAt: expect.any(Date),
    });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "school.offboarded" } });
    expect(audit.data).toMatchObject({ learners: 2, staffClosed: 1, staffKept: 1 });
    expect(JSON.stringify(audit.data)).not.toMatch(/SEULE|DOUBLE|1000000001A/);
    // No text column of the school's learners still holds their INE.
    const leftovers = await prisma.$queryRawUnsafe<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM learners WHERE national_student_id IN ('1000000001A', '1000000002B')",
    );
    expect(leftovers[0]?.n).toBe(0);
    // Gone for the CLI: the UAI no longer names an active school.
    expect((await cli("school:offboard", "--uai", "0999001W", "--cancel")).code).toBe(EXIT.usage);
  });
});

describe("npm run cli -- gar:subscriptions", () => {
  it("lists each activated school's subscription, and --sync creates it at the GAR (stand-in, mutual TLS)", async () => {
    const { generateSubscriptionTestPki } = await import("../tests/gar/tls");
    const { startSubscriptionService, SubscriptionStore } = await import("../tests/gar/subscription-service");
    const { resetEnvForTests } = await import("../src/lib/env");
    const pki = await generateSubscriptionTestPki();
    const service = await startSubscriptionService({
      pki,
      store: new SubscriptionStore(),
      distributorId: "DISTRIB-CLI",
      resourceId: "ark:/99999/pix-demo",
    });
    const school = await prisma.school.create({ data: { name: "Collège CLI", uai: "0999201K" } });
    const user = await prisma.user.create({ data: { firstName: "A", lastName: "B", email: "cli-admin@example.test" } });
    await prisma.member.create({ data: { schoolId: school.id, userId: user.id, role: "ADMIN" } });

    const unconfigured = await cli("gar:subscriptions", "--sync");
    expect(unconfigured.code).toBe(EXIT.usage);
    expect(JSON.parse(unconfigured.stdout)).toEqual({ status: "NOT_CONFIGURED", schools: [] });

    const previous = { ...process.env };
    Object.assign(process.env, {
      GAR_WS_URL: service.url,
      GAR_WS_CERT: pki.client.cert,
      GAR_WS_KEY: pki.client.key,
      GAR_WS_CA: pki.ca.cert,
      GAR_DISTRIBUTOR_ID: "DISTRIB-CLI",
    });
    resetEnvForTests();
    try {
      const listed = await cli("gar:subscriptions", "--uai", "0999201k");
      expect(listed.code).toBe(EXIT.ok);
      expect(JSON.parse(listed.stdout)).toMatchObject({
        status: "LISTED",
        schools: [{ uai: "0999201K", subscription: null }],
      });

      const synced = await cli("gar:subscriptions", "--sync");
      expect(synced.code).toBe(EXIT.ok);
      const result = JSON.parse(synced.stdout);
      expect(result.status).toBe("SYNCED");
      expect(result.synced).toEqual([{ schoolId: school.id, uai: "0999201K", action: "CREATE", outcome: "DONE" }]);
      expect(result.schools[0].subscription).toMatchObject({
        subscriptionId: `PIX-0999201K-${school.id}`,
        status: "ACTIVE",
        lastCall: { operation: "PUT", succeeded: true, httpStatus: 201 },
      });
      expect(service.store.list()).toHaveLength(1);

      service.failNext(1, 500);
      await prisma.school.update({ where: { id: school.id }, data: { archivedAt: new Date() } });
      const failed = await cli("gar:subscriptions", "--sync");
      expect(failed.code).toBe(EXIT.failed);
      expect(JSON.parse(failed.stdout).synced).toEqual([
        { schoolId: school.id, uai: "0999201K", action: "DELETE", outcome: "FAILED", errorCode: "HTTP_5XX" },
      ]);
      const retried = await cli("gar:subscriptions", "--sync");
      expect(JSON.parse(retried.stdout).synced).toEqual([
        { schoolId: school.id, uai: "0999201K", action: "RETRY", outcome: "DONE" },
      ]);
      expect(service.store.list()).toHaveLength(0);

      expect((await cli("gar:subscriptions", "--uai", "12")).code).toBe(EXIT.usage);
    } finally {
      process.env = previous;
      resetEnvForTests();
      await service.close();
    }
  }, 60_000);
});
