import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { runHousekeeping } from "@/lib/housekeeping";
import { authorizedSchoolId } from "../../../tests/factories/session";
import { recordThrottleEvent } from "@/lib/throttle";
import { createCampaign } from "../../../tests/factories/campaigns";
import { createGarStudentUser, createLearner } from "../../../tests/factories/learners";
import { createMember, createSchool, createStaffUser } from "../../../tests/factories/schools";
import { createFixtureLearners } from "../../../tests/gar/learners";
import { findFixtureStudent } from "../../../tests/gar/students";
import {
  acceptStudentCgu,
  campaignAddressThrottleRule,
  createPendingIdentity,
  identityThrottleRule,
  joinCampaignAsStudent,
  reconcileGarStudent,
  unlockStudent,
  WRONG_BIRTHDATES_PER_CAMPAIGN_ADDRESS,
  WRONG_BIRTHDATES_PER_IDENTITY,
} from "./mutations";
import { listBlockedStudents, resolveJoinableCampaign } from "./data";
import { loadCampaignForStudent } from "./loaders";
import {
  IDO_REPLACED_AUDIT_ACTION,
  IDO_REPLACEMENT_REFUSED_AUDIT_ACTION,
} from "@/features/learners/domain/ido-replacement";
import { listClasses } from "@/features/classes/data";
import { findLearnerOfCampaignSchool } from "@/features/runner/data";
import type { PendingIdentity } from "./domain/pending-identity";

const ADDRESS = "203.0.113.7";

/** A pending identity as the GAR callback leaves it: its server-side row exists, unconsumed. */
async function pending(identity: Omit<PendingIdentity, "id">, now?: Date): Promise<PendingIdentity> {
  return { ...identity, id: await createPendingIdentity(now) };
}

async function identityOf(key: string): Promise<PendingIdentity> {
  const student = findFixtureStudent(key);
  return pending({ garId: student.ido, firstName: student.firstName, lastName: student.lastName, uais: [student.uai] });
}

async function expectDomainError(promise: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, got success`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

async function setupDemoSchool() {
  const school = await createSchool({ uai: "0999001W", name: "Collège Jean Moulin" });
  const owner = await createMember({ schoolId: school.id, role: "ADMIN" });
  const learners = await createFixtureLearners(prisma, school.id);
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: owner.userId,
    code: "JMQWER234",
    division: "4E A",
  });
  return { school, owner, learners, campaign };
}

async function counts() {
  const [users, methods, participations, linked] = await Promise.all([
    prisma.user.count({ where: { email: null } }),
    prisma.authenticationMethod.count({ where: { provider: "GAR" } }),
    prisma.participation.count(),
    prisma.learner.count({ where: { userId: { not: null } } }),
  ]);
  return { users, methods, participations, linked };
}

let logLines: string[] = [];
beforeEach(() => {
  logLines = [];
  const capture = (chunk: unknown) => {
    logLines.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture as typeof process.stdout.write);
  vi.spyOn(process.stderr, "write").mockImplementation(capture as typeof process.stderr.write);
  process.env.LOG_LEVEL = "info";
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.LOG_LEVEL;
});

function expectLogsFreeOf(...values: string[]) {
  const all = logLines.join("\n");
  for (const value of values) expect(all).not.toContain(value);
}

describe("resolveJoinableCampaign", () => {
  it("refuses an unknown code, an archived campaign and a school that does not manage students", async () => {
    const school = await createSchool();
    const owner = await createMember({ schoolId: school.id });
    await createCampaign({ schoolId: school.id, ownerId: owner.userId, code: "ARCHIV234", archived: true });
    const other = await createSchool({ managesStudents: false });
    const otherOwner = await createMember({ schoolId: other.id });
    await createCampaign({ schoolId: other.id, ownerId: otherOwner.userId, code: "NOSTUD234" });

    await expectDomainError(resolveJoinableCampaign("NOPENO234"), "CAMPAIGN_CODE_UNKNOWN");
    await expectDomainError(resolveJoinableCampaign("ARCHIV234"), "CAMPAIGN_CLOSED");
    await expectDomainError(resolveJoinableCampaign("NOSTUD234"), "CAMPAIGN_NOT_JOINABLE");
  });
});

describe("reconcileGarStudent", () => {
  it("creates the account, its GAR method and the learner link in one go; the participation waits for Commencer", async () => {
    const { learners, campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");

    const outcome = await reconcileGarStudent({
      identity: await identityOf("ines-berthelot"),
      campaignCode: campaign.code,
      birthdate: ines.birthdate,
      clientAddress: ADDRESS,
    });

    expect(outcome).toMatchObject({
      campaignCode: campaign.code,
      isNewAccount: true,
      garIdReplaced: false,
      hasAcceptedCgu: false,
    });
    const user = await prisma.user.findUniqueOrThrow({
      where: { id: outcome.userId },
      include: { authenticationMethods: true },
    });
    expect(user).toMatchObject({ email: null, firstName: "Inès", lastName: "BERTHELOT" });
    expect(user.authenticationMethods).toEqual([
      expect.objectContaining({
        provider: "GAR",
        externalId: ines.ido,
        passwordHash: null,
        firstName: "Inès",
        lastName: "BERTHELOT",
      }),
    ]);
    const learner = await prisma.learner.findUniqueOrThrow({ where: { id: learners.get("ines-berthelot")! } });
    expect(learner.userId).toBe(outcome.userId);
    expect(outcome.learnerId).toBe(learner.id);
    // Typing the code and the birth date starts nothing: Orga lists no participant yet.
    expect(await prisma.participation.count()).toBe(0);
    const started = await joinCampaignAsStudent({ userId: outcome.userId, campaignCode: campaign.code });
    const participation = await prisma.participation.findUniqueOrThrow({ where: { id: started.participationId } });
    expect(participation).toMatchObject({
      campaignId: campaign.id,
      learnerId: learner.id,
      userId: outcome.userId,
      status: "STARTED",
    });
    expectLogsFreeOf(ines.ido, "BERTHELOT", "Inès", ines.birthdate);
  });

  it("links a student who typed another class's code: joined in their own class, no participant yet", async () => {
    const { school, campaign } = await setupDemoSchool(); // the campaign of the 4E A
    const maelys = findFixtureStudent("maelys-da-silva"); // in 6E C
    const outcome = await reconcileGarStudent({
      identity: await identityOf(maelys.key),
      campaignCode: campaign.code,
      birthdate: maelys.birthdate,
      clientAddress: ADDRESS,
    });
    // The start page warns with both classes before anything starts.
    expect(await findLearnerOfCampaignSchool(outcome.userId, campaign.id)).toEqual({
      learnerDivision: "6E C",
      campaignDivision: "4E A",
    });
    expect(await prisma.participation.count()).toBe(0);
    // Orga's Classes: she has arrived, in her own class.
    const classes = await listClasses(await authorizedSchoolId(school.id));
    expect(classes.find((row) => row.division === "6E C")?.joinedCount).toBe(1);
    expect(classes.find((row) => row.division === "4E A")?.joinedCount).toBe(0);
  });

  it.each([
    ["maelys-da-silva", "accents dropped"],
    ["chloe-bonnet", "usage name"],
    ["timeo-laurent", "second given name"],
    ["camille-dupont-moreau", "hyphen missing"],
    ["raphael-coeurderoy", "œ written oe"],
  ])("matches %s (%s)", async (key) => {
    const { learners, campaign } = await setupDemoSchool();
    const outcome = await reconcileGarStudent({
      identity: await identityOf(key),
      campaignCode: campaign.code,
      birthdate: findFixtureStudent(key).birthdate,
      clientAddress: ADDRESS,
    });
    const learner = await prisma.learner.findUniqueOrThrow({ where: { id: learners.get(key)! } });
    expect(learner.userId).toBe(outcome.userId);
  });

  it("finds nothing with a wrong birth date, writes nothing and counts the attempt", async () => {
    const { campaign } = await setupDemoSchool();
    await expectDomainError(
      reconcileGarStudent({
        identity: await identityOf("ines-berthelot"),
        campaignCode: campaign.code,
        birthdate: "2012-02-10",
        clientAddress: ADDRESS,
      }),
      "RECONCILIATION_NOT_FOUND",
    );
    expect(await counts()).toEqual({ users: 0, methods: 0, participations: 0, linked: 0 });
    expect(await prisma.throttleEvent.count()).toBe(2);
  });

  it("finds nothing for a student absent from the import", async () => {
    const { campaign } = await setupDemoSchool();
    const jules = findFixtureStudent("jules-faure");
    await expectDomainError(
      reconcileGarStudent({
        identity: await identityOf("jules-faure"),
        campaignCode: campaign.code,
        birthdate: jules.birthdate,
        clientAddress: ADDRESS,
      }),
      "RECONCILIATION_NOT_FOUND",
    );
  });

  it("treats twins matching equally well as not found, and logs the ambiguity without names", async () => {
    const school = await createSchool();
    const owner = await createMember({ schoolId: school.id });
    const campaign = await createCampaign({ schoolId: school.id, ownerId: owner.userId });
    await createLearner(school.id, {
      firstName: "Marie",
      middleName: "Anne",
      lastName: "MARTIN",
      birthdate: "2012-05-05",
    });
    await createLearner(school.id, {
      firstName: "Marie",
      middleName: "Louise",
      lastName: "MARTIN",
      birthdate: "2012-05-05",
    });

    await expectDomainError(
      reconcileGarStudent({
        identity: await pending({ garId: "ido-twin", firstName: "Marie", lastName: "Martin", uais: [school.uai] }),
        campaignCode: campaign.code,
        birthdate: "2012-05-05",
        clientAddress: ADDRESS,
      }),
      "RECONCILIATION_NOT_FOUND",
    );
    expect(
      logLines.some((line) => line.includes("gar.reconciliation.ambiguous") && line.includes('"candidateCount":2')),
    ).toBe(true);
    expectLogsFreeOf("MARTIN", "Marie", "ido-twin", "2012-05-05");
    expect(await counts()).toEqual({ users: 0, methods: 0, participations: 0, linked: 0 });
  });

  it("tells a learner no longer in the import apart", async () => {
    const school = await createSchool();
    const owner = await createMember({ schoolId: school.id });
    const campaign = await createCampaign({ schoolId: school.id, ownerId: owner.userId });
    await createLearner(school.id, {
      firstName: "Hugo",
      lastName: "LEFÈVRE",
      birthdate: "2013-03-01",
      isDisabled: true,
    });
    await expectDomainError(
      reconcileGarStudent({
        identity: await pending({ garId: "ido-hugo", firstName: "Hugo", lastName: "LEFEVRE", uais: [school.uai] }),
        campaignCode: campaign.code,
        birthdate: "2013-03-01",
        clientAddress: ADDRESS,
      }),
      "LEARNER_DISABLED",
    );
    expect(await counts()).toMatchObject({ users: 0, linked: 0 });
  });

  it("re-points the GAR account of a learner whose IDO changed, never creating a second account", async () => {
    const { learners, campaign } = await setupDemoSchool();
    const before = findFixtureStudent("camille-da-silva");
    const after = findFixtureStudent("camille-da-silva-nouvel-ido");
    const first = await reconcileGarStudent({
      identity: await identityOf(before.key),
      campaignCode: campaign.code,
      birthdate: before.birthdate,
      clientAddress: ADDRESS,
    });

    const second = await reconcileGarStudent({
      identity: await identityOf(after.key),
      campaignCode: campaign.code,
      birthdate: after.birthdate,
      clientAddress: ADDRESS,
    });

    expect(second).toMatchObject({
      userId: first.userId,
      learnerId: first.learnerId,
      garIdReplaced: true,
      isNewAccount: false,
    });
    const methods = await prisma.authenticationMethod.findMany({ where: { provider: "GAR" } });
    expect(methods).toHaveLength(1);
    expect(methods[0]?.externalId).toBe(after.ido);
    expect(await prisma.user.count()).toBe(2); // the campaign owner and Camille
    expect((await prisma.learner.findUniqueOrThrow({ where: { id: learners.get(before.key)! } })).userId).toBe(
      first.userId,
    );
    expectLogsFreeOf(before.ido, after.ido);
  });

  it("re-points an account created elsewhere (factory) and keeps its participations", async () => {
    const school = await createSchool();
    const owner = await createMember({ schoolId: school.id });
    const campaign = await createCampaign({ schoolId: school.id, ownerId: owner.userId });
    const existing = await createGarStudentUser({ garId: "old-ido", firstName: "Léa", lastName: "MARTIN" });
    const learner = await createLearner(school.id, {
      firstName: "Léa",
      lastName: "MARTIN",
      birthdate: "2012-01-02",
      userId: existing.id,
    });
    const started = await prisma.participation.create({
      data: { schoolId: school.id, campaignId: campaign.id, learnerId: learner.id, userId: existing.id },
    });

    const outcome = await reconcileGarStudent({
      identity: await pending({ garId: "new-ido", firstName: "Lea", lastName: "Martin", uais: [school.uai] }),
      campaignCode: campaign.code,
      birthdate: "2012-01-02",
      clientAddress: ADDRESS,
    });
    expect(outcome).toMatchObject({ userId: existing.id, learnerId: learner.id, garIdReplaced: true });
    expect(await prisma.participation.findUniqueOrThrow({ where: { id: started.id } })).toMatchObject({
      userId: existing.id,
      deletedAt: null,
    });
    expect(
      await prisma.authenticationMethod.findFirst({ where: { userId: existing.id, provider: "GAR" } }),
    ).toMatchObject({ externalId: "new-ido" });
  });

  it("a right birth date refused inside the transaction (learner linked to a non-GAR account) gives its slots back", async () => {
    const school = await createSchool();
    const owner = await createMember({ schoolId: school.id });
    const campaign = await createCampaign({ schoolId: school.id, ownerId: owner.userId });
    const other = await createStaffUser({ email: "jeanne.dupont@exemple.fr" });
    await createLearner(school.id, {
      firstName: "Jeanne",
      lastName: "DUPONT",
      birthdate: "2011-11-11",
      userId: other.id,
    });
    await expectDomainError(
      reconcileGarStudent({
        identity: await pending({ garId: "ido-jeanne", firstName: "Jeanne", lastName: "DUPONT", uais: [school.uai] }),
        campaignCode: campaign.code,
        birthdate: "2011-11-11",
        clientAddress: ADDRESS,
      }),
      "LEARNER_LINKED_TO_OTHER_ACCOUNT",
    );
    expect(await prisma.throttleEvent.count()).toBe(0);
    expect(await prisma.session.count()).toBe(0);
  });

  it("explains, with a masked login, a learner linked to a non-GAR account", async () => {
    const school = await createSchool();
    const owner = await createMember({ schoolId: school.id });
    const campaign = await createCampaign({ schoolId: school.id, ownerId: owner.userId });
    const other = await createStaffUser({ email: "jeanne.dupont@exemple.fr" });
    await createLearner(school.id, {
      firstName: "Jeanne",
      lastName: "DUPONT",
      birthdate: "2011-11-11",
      userId: other.id,
    });

    const error = await expectDomainError(
      reconcileGarStudent({
        identity: await pending({ garId: "ido-jeanne", firstName: "Jeanne", lastName: "DUPONT", uais: [school.uai] }),
        campaignCode: campaign.code,
        birthdate: "2011-11-11",
        clientAddress: ADDRESS,
      }),
      "LEARNER_LINKED_TO_OTHER_ACCOUNT",
    );
    expect(error.details).toEqual({ loginHint: "j•••@e•••.fr" });
    expect(error.userMessage).toContain("j•••@e•••.fr");
    expect(await prisma.authenticationMethod.count({ where: { provider: "GAR" } })).toBe(0);
    expect(await prisma.participation.count()).toBe(0);
  });

  it("refuses a GAR identity of another school as 'code of another school', before any birth date", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    await expectDomainError(
      reconcileGarStudent({
        identity: { ...(await identityOf("ines-berthelot")), uais: ["0751234X"] },
        campaignCode: campaign.code,
        birthdate: ines.birthdate,
        clientAddress: ADDRESS,
      }),
      "CAMPAIGN_OTHER_SCHOOL",
    );
    expect(await counts()).toEqual({ users: 0, methods: 0, participations: 0, linked: 0 });
    // Not a birth-date guess: nothing counted.
    expect(await prisma.throttleEvent.count()).toBe(0);
    expectLogsFreeOf("0751234X");
  });

  it("refuses the code of an archived campaign or an unknown code before anything else", async () => {
    const { school, owner } = await setupDemoSchool();
    const archived = await createCampaign({ schoolId: school.id, ownerId: owner.userId, archived: true });
    const ines = findFixtureStudent("ines-berthelot");
    await expectDomainError(
      reconcileGarStudent({
        identity: await identityOf(ines.key),
        campaignCode: archived.code,
        birthdate: ines.birthdate,
        clientAddress: ADDRESS,
      }),
      "CAMPAIGN_CLOSED",
    );
    await expectDomainError(
      reconcileGarStudent({
        identity: await identityOf(ines.key),
        campaignCode: "ZZZZZZ999",
        birthdate: ines.birthdate,
        clientAddress: ADDRESS,
      }),
      "CAMPAIGN_CODE_UNKNOWN",
    );
  });

  it("throttles after 5 wrong birth dates per pending identity for 15 minutes", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const start = new Date();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expectDomainError(
        reconcileGarStudent({
          identity: await identityOf(ines.key),
          campaignCode: campaign.code,
          birthdate: "2000-01-01",
          clientAddress: ADDRESS,
          now: new Date(start.getTime() + attempt * 1000),
        }),
        "RECONCILIATION_NOT_FOUND",
      );
    }
    // Even the right date is refused while throttled.
    const blocked = await expectDomainError(
      reconcileGarStudent({
        identity: await identityOf(ines.key),
        campaignCode: campaign.code,
        birthdate: ines.birthdate,
        clientAddress: ADDRESS,
        now: new Date(start.getTime() + 10_000),
      }),
      "TOO_MANY_ATTEMPTS",
    );
    expect(blocked.userMessage).toBe(
      "Trop d'essais. Demandez à votre professeur de vous débloquer, ou réessayez dans 15 minutes.",
    );
    expect(blocked.details?.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(await counts()).toMatchObject({ users: 0 });

    // Another student on the same computer is not affected.
    const maelys = findFixtureStudent("maelys-da-silva");
    await reconcileGarStudent({
      identity: await identityOf(maelys.key),
      campaignCode: campaign.code,
      birthdate: maelys.birthdate,
      clientAddress: ADDRESS,
      now: new Date(start.getTime() + 10_000),
    });

    const later = new Date(start.getTime() + 15 * 60_000 + 1_000);
    const outcome = await reconcileGarStudent({
      identity: await identityOf(ines.key),
      campaignCode: campaign.code,
      birthdate: ines.birthdate,
      clientAddress: ADDRESS,
      now: later,
    });
    expect(outcome.isNewAccount).toBe(true);
  });

  it("caps wrong birth dates per campaign and client address", async () => {
    const { campaign } = await setupDemoSchool();
    const rule = campaignAddressThrottleRule(campaign.id, ADDRESS);
    for (let i = 0; i < WRONG_BIRTHDATES_PER_CAMPAIGN_ADDRESS.limit; i += 1) await recordThrottleEvent(rule.bucket);
    const ines = findFixtureStudent("ines-berthelot");
    const error = await expectDomainError(
      reconcileGarStudent({
        identity: await identityOf(ines.key),
        campaignCode: campaign.code,
        birthdate: ines.birthdate,
        clientAddress: ADDRESS,
      }),
      "TOO_MANY_ATTEMPTS",
    );
    expect(error.userMessage).toMatch(/^Trop d'essais : réessayez dans \d+ minutes?\.$/);
    // From another address the same student goes through.
    const outcome = await reconcileGarStudent({
      identity: await identityOf(ines.key),
      campaignCode: campaign.code,
      birthdate: ines.birthdate,
      clientAddress: "198.51.100.1",
    });
    expect(outcome.isNewAccount).toBe(true);
    // Buckets hold hashes, never the address.
    expect(await prisma.throttleEvent.count({ where: { bucket: { contains: ADDRESS } } })).toBe(0);
  });
});

describe("one transaction", () => {
  it("writes the student's session with the account and gives the right date's slots back", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const outcome = await reconcileGarStudent({
      identity: await identityOf(ines.key),
      campaignCode: campaign.code,
      birthdate: ines.birthdate,
      clientAddress: ADDRESS,
    });
    const session = await prisma.session.findUniqueOrThrow({ where: { id: outcome.session.sessionId } });
    expect(session).toMatchObject({ userId: outcome.userId, kind: "STUDENT" });
    expect(session.expiresAt.getTime()).toBe(outcome.session.expiresAt.getTime());
    expect(await prisma.throttleEvent.count()).toBe(0);
  });

  it("gives the slots back when the transaction is refused after a right date", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const first = await reconcileGarStudent({
      identity: await identityOf(ines.key),
      campaignCode: campaign.code,
      birthdate: ines.birthdate,
      clientAddress: ADDRESS,
    });
    // A new IDO whose names only nearly match the learner's: the IDO replacement is refused, rolled back.
    const identity = await identityOf(ines.key);
    const other = { ...identity, garId: `other-${first.userId}`, firstName: `${identity.firstName}e` };
    await expect(
      reconcileGarStudent({
        identity: other,
        campaignCode: campaign.code,
        birthdate: ines.birthdate,
        clientAddress: ADDRESS,
      }),
    ).rejects.toMatchObject({ code: "LEARNER_ALREADY_LINKED" });
    expect(await prisma.throttleEvent.count()).toBe(0);
    expect(await prisma.session.count({ where: { userId: first.userId } })).toBe(1);
  });
});

describe("concurrency", () => {
  it("10 parallel reconciliations of one learner yield one user and one link", async () => {
    const { learners, campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const outcomes = await Promise.all(
      // Ten tabs back from the GAR: ten pending identities of one student.
      Array.from({ length: 10 }, async () =>
        reconcileGarStudent({
          identity: await identityOf(ines.key),
          campaignCode: campaign.code,
          birthdate: ines.birthdate,
          clientAddress: ADDRESS,
        }),
      ),
    );
    expect(new Set(outcomes.map((outcome) => outcome.userId)).size).toBe(1);
    expect(outcomes.filter((outcome) => outcome.isNewAccount)).toHaveLength(1);
    expect(await counts()).toEqual({ users: 1, methods: 1, participations: 0, linked: 1 });
    expect((await prisma.learner.findUniqueOrThrow({ where: { id: learners.get(ines.key)! } })).userId).toBe(
      outcomes[0]?.userId,
    );
  });

  it("more simultaneous right birth dates of one identity than its slots: one account, the rest refused, nothing left counted", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, async () =>
        reconcileGarStudent({
          identity: await identityOf(ines.key),
          campaignCode: campaign.code,
          birthdate: ines.birthdate,
          clientAddress: ADDRESS,
        }),
      ),
    );
    const done = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    expect(done.length).toBeGreaterThanOrEqual(WRONG_BIRTHDATES_PER_IDENTITY.limit);
    expect(refused.every((error) => error instanceof DomainError && error.code === "TOO_MANY_ATTEMPTS")).toBe(true);
    expect(new Set(done.map((outcome) => outcome.userId)).size).toBe(1);
    expect(await counts()).toEqual({ users: 1, methods: 1, participations: 0, linked: 1 });
    // Every slot taken by a right date was given back by its transaction.
    expect(await prisma.throttleEvent.count()).toBe(0);
    expect(await prisma.session.count()).toBe(done.length);
  });

  it("a right birth date gives its slots back under parallel wrong ones: the wrong ones alone count", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const rule = identityThrottleRule((await identityOf(ines.key)).garId);
    const attempt = async (birthdate: string) =>
      reconcileGarStudent({
        identity: await identityOf(ines.key),
        campaignCode: campaign.code,
        birthdate,
        clientAddress: ADDRESS,
      });
    const results = await Promise.allSettled([
      attempt("2001-01-01"),
      attempt("2001-01-02"),
      attempt(ines.birthdate),
      attempt("2001-01-03"),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.throttleEvent.count({ where: { bucket: rule.bucket } })).toBe(3);
    expect(
      await prisma.throttleEvent.count({ where: { bucket: campaignAddressThrottleRule(campaign.id, ADDRESS).bucket } }),
    ).toBe(3);
  });

  it("the reconciliation writes the session row the action's cookie names", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const outcome = await reconcileGarStudent({
      identity: await identityOf(ines.key),
      campaignCode: campaign.code,
      birthdate: ines.birthdate,
      clientAddress: ADDRESS,
    });
    const session = await prisma.session.findUniqueOrThrow({ where: { id: outcome.session.sessionId } });
    expect(session).toMatchObject({ userId: outcome.userId, kind: "STUDENT", expiresAt: outcome.session.expiresAt });
    expect(outcome.session.token).not.toBe(outcome.session.sessionId);
  });

  it("a reconciliation whose transaction fails (pending identity used meanwhile) still gives its slots back", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const identity = await identityOf(ines.key);
    // Two requests with one cookie: one consumes the pending identity, the other's transaction finds it used.
    const results = await Promise.allSettled(
      Array.from({ length: 2 }, () =>
        reconcileGarStudent({
          identity,
          campaignCode: campaign.code,
          birthdate: ines.birthdate,
          clientAddress: ADDRESS,
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.throttleEvent.count()).toBe(0);
  });

  it("10 parallel reconciliations of one learner with different IDOs still yield one account", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, async (_, index) =>
        reconcileGarStudent({
          identity: { ...(await identityOf(ines.key)), garId: `ido-${index}` },
          campaignCode: campaign.code,
          birthdate: ines.birthdate,
          clientAddress: ADDRESS,
        }),
      ),
    );
    expect(new Set(outcomes.map((outcome) => outcome.userId)).size).toBe(1);
    expect(await counts()).toEqual({ users: 1, methods: 1, participations: 0, linked: 1 });
  });

  it("a whole class onboarding in parallel gets one account each", async () => {
    const school = await createSchool();
    const owner = await createMember({ schoolId: school.id });
    const campaign = await createCampaign({ schoolId: school.id, ownerId: owner.userId, division: "3E Z" });
    const classSize = 30;
    const learners = await Promise.all(
      Array.from({ length: classSize }, (_, index) =>
        createLearner(school.id, {
          firstName: `Prénom${index}`,
          lastName: `NOMCLASSE${index}`,
          birthdate: `2011-0${(index % 9) + 1}-1${index % 10}`,
          division: "3E Z",
        }),
      ),
    );
    const outcomes = await Promise.all(
      learners.map(async (learner, index) =>
        reconcileGarStudent({
          identity: await pending({
            garId: `class-ido-${index}`,
            firstName: learner.firstName,
            lastName: learner.lastName,
            uais: [school.uai],
          }),
          campaignCode: campaign.code,
          birthdate: learner.birthdate.toISOString().slice(0, 10),
          clientAddress: ADDRESS,
        }),
      ),
    );
    expect(new Set(outcomes.map((outcome) => outcome.userId)).size).toBe(classSize);
    expect(await counts()).toEqual({
      users: classSize,
      methods: classSize,
      participations: 0,
      linked: classSize,
    });
    for (const [index, learner] of learners.entries()) {
      expect((await prisma.learner.findUniqueOrThrow({ where: { id: learner.id } })).userId).toBe(
        outcomes[index]?.userId,
      );
    }
  });
});

describe("account trust: no student can take another's account", () => {
  /** Côme MÜLLER (6E B of the demo school) has joined Pix: his account, his IDO, his participation. */
  async function comeHasJoined() {
    const setup = await setupDemoSchool();
    const campaign6eb = await createCampaign({
      schoolId: setup.school.id,
      ownerId: setup.owner.userId,
      code: "SIXEMB234",
      division: "6E B",
    });
    const come = findFixtureStudent("come-muller");
    const reconciled = await reconcileGarStudent({
      identity: await identityOf(come.key),
      campaignCode: campaign6eb.code,
      birthdate: come.birthdate,
      clientAddress: ADDRESS,
    });
    const started = await joinCampaignAsStudent({ userId: reconciled.userId, campaignCode: campaign6eb.code });
    const joined = { ...reconciled, participationId: started.participationId };
    const snapshot = async () => ({
      methods: await prisma.authenticationMethod.findMany({
        where: { provider: "GAR" },
        select: { userId: true, externalId: true, firstName: true, lastName: true },
      }),
      user: await prisma.user.findUniqueOrThrow({
        where: { id: joined.userId },
        select: { firstName: true, lastName: true },
      }),
      participations: await prisma.participation.findMany({
        select: { id: true, userId: true, learnerId: true, campaignId: true },
      }),
      learner: await prisma.learner.findUniqueOrThrow({
        where: { id: setup.learners.get(come.key)! },
        select: { userId: true },
      }),
      users: await prisma.user.count(),
    });
    return { ...setup, campaign6eb, come, joined, snapshot };
  }

  const attacker = (uais: string[], garId = "ido-attaquant") =>
    pending({ garId, firstName: "Come", lastName: "MULLAR", uais });

  it("refuses the cross-school takeover (UAI 0999002X, Come MULLAR, Côme's birth date) and changes nothing", async () => {
    const { campaign6eb, come, snapshot, joined } = await comeHasJoined();
    const before = await snapshot();
    expect(before.methods).toEqual([
      { userId: joined.userId, externalId: come.ido, firstName: "Côme", lastName: "MÜLLER" },
    ]);

    await expectDomainError(
      reconcileGarStudent({
        identity: await attacker(["0999002X"]),
        campaignCode: campaign6eb.code,
        birthdate: come.birthdate,
        clientAddress: ADDRESS,
      }),
      "CAMPAIGN_OTHER_SCHOOL",
    );
    expect(await snapshot()).toEqual(before);
    // The real Côme still gets his own account back.
    const again = await reconcileGarStudent({
      identity: await identityOf(come.key),
      campaignCode: campaign6eb.code,
      birthdate: come.birthdate,
      clientAddress: ADDRESS,
    });
    expect(again).toMatchObject({ userId: joined.userId, learnerId: joined.learnerId, garIdReplaced: false });
    expect(await prisma.participation.findMany({ select: { id: true } })).toEqual([{ id: joined.participationId }]);
  });

  it("refuses the fuzzy-name IDO change within the school, changes nothing and audit-logs the refusal", async () => {
    const { school, campaign6eb, come, snapshot, joined, learners } = await comeHasJoined();
    const before = await snapshot();

    const error = await expectDomainError(
      reconcileGarStudent({
        identity: await attacker([school.uai]),
        campaignCode: campaign6eb.code,
        birthdate: come.birthdate,
        clientAddress: ADDRESS,
      }),
      "LEARNER_ALREADY_LINKED",
    );
    expect(error.userMessage ?? null).toBeNull();
    expect(await snapshot()).toEqual(before);
    const audits = await prisma.auditLog.findMany({
      where: { action: { in: [IDO_REPLACED_AUDIT_ACTION, IDO_REPLACEMENT_REFUSED_AUDIT_ACTION] } },
    });
    expect(audits).toEqual([
      expect.objectContaining({
        schoolId: school.id,
        actorUserId: null,
        action: IDO_REPLACEMENT_REFUSED_AUDIT_ACTION,
        targetType: "learner",
        targetId: String(learners.get(come.key)),
        data: { userId: joined.userId, campaignId: campaign6eb.id, reason: "NAMES_DIFFER" },
      }),
    ]);
    const auditText = JSON.stringify(audits);
    for (const personal of ["ido-attaquant", come.ido, "MULLAR", "MÜLLER", "Come", come.birthdate])
      expect(auditText).not.toContain(personal);
    expectLogsFreeOf("ido-attaquant", come.ido, "MULLAR", "MÜLLER", come.birthdate);
  });

  it("accepts the legitimate IDO change (same UAI, names equal after normalisation) and audit-logs it", async () => {
    const { school, campaign6eb, come, joined, learners } = await comeHasJoined();
    const outcome = await reconcileGarStudent({
      identity: await pending({
        garId: "ido-nouveau-come",
        firstName: "COME",
        lastName: "Muller",
        uais: ["0999002X", school.uai],
      }),
      campaignCode: campaign6eb.code,
      birthdate: come.birthdate,
      clientAddress: ADDRESS,
    });
    expect(outcome).toMatchObject({
      userId: joined.userId,
      learnerId: joined.learnerId,
      garIdReplaced: true,
      isNewAccount: false,
    });
    expect(
      await prisma.authenticationMethod.findMany({ where: { provider: "GAR" }, select: { externalId: true } }),
    ).toEqual([{ externalId: "ido-nouveau-come" }]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: IDO_REPLACED_AUDIT_ACTION } });
    expect(audit).toMatchObject({
      schoolId: school.id,
      targetType: "learner",
      targetId: String(learners.get(come.key)),
      data: { userId: joined.userId, campaignId: campaign6eb.id },
    });
    expect(JSON.stringify(audit)).not.toContain("ido-nouveau-come");
  });

  it("10 parallel fuzzy-name takeover attempts all fail and change nothing", async () => {
    const { school, campaign6eb, come, snapshot } = await comeHasJoined();
    const before = await snapshot();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, async (_, index) =>
        reconcileGarStudent({
          identity: await attacker([school.uai], `ido-attaquant-${index}`),
          campaignCode: campaign6eb.code,
          birthdate: come.birthdate,
          clientAddress: ADDRESS,
        }),
      ),
    );
    expect(results.map((result) => result.status === "rejected" && (result.reason as DomainError).code)).toEqual(
      Array(10).fill("LEARNER_ALREADY_LINKED"),
    );
    expect(await snapshot()).toEqual(before);
    expect(await prisma.auditLog.count({ where: { action: IDO_REPLACEMENT_REFUSED_AUDIT_ACTION } })).toBe(10);
  });
});

describe("single-use pending identity", () => {
  it("refuses a replay of a used pending identity", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const identity = await identityOf(ines.key);
    await reconcileGarStudent({
      identity,
      campaignCode: campaign.code,
      birthdate: ines.birthdate,
      clientAddress: ADDRESS,
    });
    await expectDomainError(
      reconcileGarStudent({ identity, campaignCode: campaign.code, birthdate: ines.birthdate, clientAddress: ADDRESS }),
      "GAR_PENDING_IDENTITY_EXPIRED",
    );
    expect(await counts()).toEqual({ users: 1, methods: 1, participations: 0, linked: 1 });
  });

  it("of 10 parallel reconciliations with one pending identity, exactly one goes through", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const identity = await identityOf(ines.key);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        reconcileGarStudent({
          identity,
          campaignCode: campaign.code,
          birthdate: ines.birthdate,
          clientAddress: ADDRESS,
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    // A request refused its birth-date slot while five copies are still being evaluated is told
    // to wait (the slots are in flight, not spent); once one copy is through, the rest find the
    // identity used. Either way it is refused, and a right date never locks the pupil.
    const codes = refused.map((result) => (result.reason as DomainError).code);
    expect(codes).toHaveLength(9);
    expect(codes.filter((code) => code !== "GAR_PENDING_IDENTITY_EXPIRED" && code !== "TOO_MANY_ATTEMPTS")).toEqual([]);
    expect(codes).toContain("GAR_PENDING_IDENTITY_EXPIRED");
    expect(await prisma.studentLockout.count()).toBe(0);
    expect(await counts()).toEqual({ users: 1, methods: 1, participations: 0, linked: 1 });
  });

  it("stays usable after a failed attempt (wrong birth date), and refuses an expired or unknown one", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const identity = await identityOf(ines.key);
    await expectDomainError(
      reconcileGarStudent({ identity, campaignCode: campaign.code, birthdate: "2000-01-01", clientAddress: ADDRESS }),
      "RECONCILIATION_NOT_FOUND",
    );
    await reconcileGarStudent({
      identity,
      campaignCode: campaign.code,
      birthdate: ines.birthdate,
      clientAddress: ADDRESS,
    });

    const maelys = findFixtureStudent("maelys-da-silva");
    const old = await pending(
      { garId: maelys.ido, firstName: maelys.firstName, lastName: maelys.lastName, uais: [maelys.uai] },
      new Date(Date.now() - 61 * 60_000),
    );
    await expectDomainError(
      reconcileGarStudent({
        identity: old,
        campaignCode: campaign.code,
        birthdate: maelys.birthdate,
        clientAddress: ADDRESS,
      }),
      "GAR_PENDING_IDENTITY_EXPIRED",
    );
    await expectDomainError(
      reconcileGarStudent({
        identity: { ...old, id: "forged" },
        campaignCode: campaign.code,
        birthdate: maelys.birthdate,
        clientAddress: ADDRESS,
      }),
      "GAR_PENDING_IDENTITY_EXPIRED",
    );
    expect(await counts()).toMatchObject({ users: 1 });
  });
});

describe("joinCampaignAsStudent", () => {
  it("starts then resumes the participation of a linked student", async () => {
    const { campaign, school, owner } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const { userId } = await reconcileGarStudent({
      identity: await identityOf(ines.key),
      campaignCode: campaign.code,
      birthdate: ines.birthdate,
      clientAddress: ADDRESS,
    });
    const second = await createCampaign({ schoolId: school.id, ownerId: owner.userId });

    const joined = await joinCampaignAsStudent({ userId, campaignCode: second.code });
    const again = await joinCampaignAsStudent({ userId, campaignCode: second.code });
    expect(again).toEqual(joined);
    expect(await prisma.participation.count({ where: { campaignId: second.id, userId } })).toBe(1);
  });

  it("refuses another school's campaign and a disabled learner", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const { userId } = await reconcileGarStudent({
      identity: await identityOf(ines.key),
      campaignCode: campaign.code,
      birthdate: ines.birthdate,
      clientAddress: ADDRESS,
    });

    const otherSchool = await createSchool();
    const otherOwner = await createMember({ schoolId: otherSchool.id });
    const otherCampaign = await createCampaign({ schoolId: otherSchool.id, ownerId: otherOwner.userId });
    await expectDomainError(
      joinCampaignAsStudent({ userId, campaignCode: otherCampaign.code }),
      "CAMPAIGN_OTHER_SCHOOL",
    );

    await prisma.learner.updateMany({ where: { userId }, data: { isDisabled: true } });
    await expectDomainError(joinCampaignAsStudent({ userId, campaignCode: campaign.code }), "LEARNER_DISABLED");
  });

  it("a direct link only reads: the campaign is checked as joining would, no participation starts", async () => {
    const { campaign, school, owner } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const { userId } = await reconcileGarStudent({
      identity: await identityOf(ines.key),
      campaignCode: campaign.code,
      birthdate: ines.birthdate,
      clientAddress: ADDRESS,
    });
    const second = await createCampaign({ schoolId: school.id, ownerId: owner.userId });
    expect(await loadCampaignForStudent(userId, second.code)).toEqual({ campaignCode: second.code });
    expect(await prisma.participation.count({ where: { campaignId: second.id } })).toBe(0);

    const otherSchool = await createSchool();
    const otherOwner = await createMember({ schoolId: otherSchool.id });
    const otherCampaign = await createCampaign({ schoolId: otherSchool.id, ownerId: otherOwner.userId });
    await expectDomainError(loadCampaignForStudent(userId, otherCampaign.code), "CAMPAIGN_OTHER_SCHOOL");
    await prisma.learner.updateMany({ where: { userId }, data: { isDisabled: true } });
    await expectDomainError(loadCampaignForStudent(userId, second.code), "LEARNER_DISABLED");
    expect(await prisma.participation.count({ where: { campaignId: { in: [second.id, otherCampaign.id] } } })).toBe(0);
  });

  it("10 parallel presses of Commencer start one participation", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const { userId } = await reconcileGarStudent({
      identity: await identityOf(ines.key),
      campaignCode: campaign.code,
      birthdate: ines.birthdate,
      clientAddress: ADDRESS,
    });
    expect(await prisma.participation.count()).toBe(0);
    const joins = await Promise.all(
      Array.from({ length: 10 }, () => joinCampaignAsStudent({ userId, campaignCode: campaign.code })),
    );
    expect(new Set(joins.map((join) => join.participationId)).size).toBe(1);
    expect(await prisma.participation.count({ where: { campaignId: campaign.id, userId } })).toBe(1);
  });
});

describe("acceptStudentCgu", () => {
  it("records the acceptance once", async () => {
    const user = await createGarStudentUser({ garId: "ido-cgu" });
    await acceptStudentCgu(user.id, new Date("2026-09-15T10:00:00Z"));
    await acceptStudentCgu(user.id, new Date("2026-09-16T10:00:00Z"));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).cguAcceptedAt).toEqual(
      new Date("2026-09-15T10:00:00Z"),
    );
  });
});

/* ─────────────── issue 9: birth-date throttles under concurrency, unlocking a pupil ─────────────── */

describe("birth-date throttles under concurrency", () => {
  it("30 parallel wrong dates for one pending identity: exactly 5 evaluated, the others blocked", async () => {
    const { school, campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const identity = await identityOf(ines.key);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        reconcileGarStudent({
          identity,
          campaignCode: campaign.code,
          birthdate: `2000-01-${String(i + 1).padStart(2, "0")}`,
          clientAddress: ADDRESS,
        }),
      ),
    );
    const errors = results.map((result) => (result.status === "rejected" ? (result.reason as DomainError) : null));
    expect(errors.filter((error) => error?.code === "RECONCILIATION_NOT_FOUND")).toHaveLength(5);
    const blocked = errors.filter((error) => error?.code === "TOO_MANY_ATTEMPTS");
    expect(blocked).toHaveLength(25);
    expect(blocked[0]!.userMessage).toBe(
      "Trop d'essais. Demandez à votre professeur de vous débloquer, ou réessayez dans 15 minutes.",
    );
    expect(blocked[0]!.details).toMatchObject({ scope: "identity" });
    // Exactly one lockout row, for the school's staff, with the GAR names and no IDO.
    const lockouts = await prisma.studentLockout.findMany();
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]).toMatchObject({
      schoolId: school.id,
      campaignId: campaign.id,
      firstName: ines.firstName,
      lastName: ines.lastName,
      unlockedAt: null,
    });
    expect(JSON.stringify(lockouts)).not.toContain(ines.ido);
  });

  it("a right date among parallel wrong ones gives its slot back", async () => {
    const { campaign } = await setupDemoSchool();
    const ines = findFixtureStudent("ines-berthelot");
    const identity = await identityOf(ines.key);
    await Promise.allSettled([
      ...Array.from({ length: 3 }, (_, i) =>
        reconcileGarStudent({
          identity,
          campaignCode: campaign.code,
          birthdate: `2000-01-0${i + 1}`,
          clientAddress: ADDRESS,
        }),
      ),
      reconcileGarStudent({ identity, campaignCode: campaign.code, birthdate: ines.birthdate, clientAddress: ADDRESS }),
    ]);
    expect(await prisma.throttleEvent.count({ where: { bucket: { startsWith: "gar-birthdate:identity:" } } })).toBe(3);
    expect(await prisma.studentLockout.count()).toBe(0);
  });

  it("two identities behind one address, 10 parallel wrong dates each: exactly 5 evaluated per identity", async () => {
    const { campaign } = await setupDemoSchool();
    const a = await pending({ garId: "ido-a", firstName: "Élève", lastName: "A", uais: ["0999001W"] });
    const b = await pending({ garId: "ido-b", firstName: "Élève", lastName: "B", uais: ["0999001W"] });
    const results = await Promise.allSettled(
      [...Array.from({ length: 10 }, () => a), ...Array.from({ length: 10 }, () => b)].map((identity) =>
        reconcileGarStudent({ identity, campaignCode: campaign.code, birthdate: "2000-01-01", clientAddress: ADDRESS }),
      ),
    );
    const codes = results.map((result) => (result.status === "rejected" ? (result.reason as DomainError).code : "OK"));
    expect(codes.slice(0, 10).filter((code) => code === "RECONCILIATION_NOT_FOUND")).toHaveLength(5);
    expect(codes.slice(10).filter((code) => code === "RECONCILIATION_NOT_FOUND")).toHaveLength(5);
    expect(codes.filter((code) => code === "TOO_MANY_ATTEMPTS")).toHaveLength(10);
    expect(
      await prisma.throttleEvent.count({ where: { bucket: campaignAddressThrottleRule(campaign.id, ADDRESS).bucket } }),
    ).toBe(10);
    // Each identity's fifth wrong date recorded its lockout.
    expect(await prisma.studentLockout.count({ where: { campaignId: campaign.id } })).toBe(2);
  });

  it(
    "120 parallel wrong dates from one address on one campaign: exactly 100 evaluated",
    { timeout: 120_000 },
    async () => {
      const { campaign } = await setupDemoSchool();
      const identities = await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          pending({ garId: `ido-inconnu-${i}`, firstName: "Élève", lastName: `Inconnu${i}`, uais: ["0999001W"] }),
        ),
      );
      const results = await Promise.allSettled(
        identities.map((identity) =>
          reconcileGarStudent({
            identity,
            campaignCode: campaign.code,
            birthdate: "2000-01-01",
            clientAddress: ADDRESS,
          }),
        ),
      );
      const codes = results.map((result) =>
        result.status === "rejected" ? (result.reason as DomainError).code : "OK",
      );
      expect(codes.filter((code) => code === "RECONCILIATION_NOT_FOUND")).toHaveLength(
        WRONG_BIRTHDATES_PER_CAMPAIGN_ADDRESS.limit,
      );
      expect(codes.filter((code) => code === "TOO_MANY_ATTEMPTS")).toHaveLength(20);
      // A refused attempt leaves no event on its identity.
      expect(await prisma.throttleEvent.count({ where: { bucket: { startsWith: "gar-birthdate:identity:" } } })).toBe(
        100,
      );
    },
  );
});

describe("unlocking a pupil blocked by wrong birth dates", () => {
  async function blockInes(campaignCode: string) {
    const ines = findFixtureStudent("ines-berthelot");
    const identity = await identityOf(ines.key);
    for (let i = 1; i <= 5; i += 1) {
      await expectDomainError(
        reconcileGarStudent({ identity, campaignCode, birthdate: `2000-01-0${i}`, clientAddress: ADDRESS }),
        "RECONCILIATION_NOT_FOUND",
      );
    }
    await expectDomainError(
      reconcileGarStudent({ identity, campaignCode, birthdate: ines.birthdate, clientAddress: ADDRESS }),
      "TOO_MANY_ATTEMPTS",
    );
    return ines;
  }

  it("shows the blocked pupil to the school's staff only, and a MEMBER unlocks them so they can join at once", async () => {
    const { school, learners, campaign } = await setupDemoSchool();
    const teacher = await createMember({ schoolId: school.id, role: "MEMBER" });
    const other = await createSchool();
    const otherTeacher = await createMember({ schoolId: other.id, role: "ADMIN" });
    const ines = await blockInes(campaign.code);

    const blocked = await listBlockedStudents(await authorizedSchoolId(school.id));
    expect(blocked).toHaveLength(1);
    // The GAR names fit exactly one learner of the school: the Élèves page can flag that line.
    expect(blocked[0]).toMatchObject({
      campaignId: campaign.id,
      firstName: ines.firstName,
      lastName: ines.lastName,
      learnerId: learners.get(ines.key),
    });
    expect(await listBlockedStudents(await authorizedSchoolId(school.id), { campaignId: campaign.id })).toHaveLength(1);

    // Another school neither sees nor unlocks it.
    expect(await listBlockedStudents(await authorizedSchoolId(other.id))).toEqual([]);
    await expectDomainError(
      unlockStudent({
        schoolId: await authorizedSchoolId(other.id),
        actorUserId: otherTeacher.userId,
        lockoutId: blocked[0]!.lockoutId,
      }),
      "NOT_FOUND",
    );
    await expectDomainError(
      reconcileGarStudent({
        identity: await identityOf(ines.key),
        campaignCode: campaign.code,
        birthdate: ines.birthdate,
        clientAddress: ADDRESS,
      }),
      "TOO_MANY_ATTEMPTS",
    );

    await unlockStudent({
      schoolId: await authorizedSchoolId(school.id),
      actorUserId: teacher.userId,
      lockoutId: blocked[0]!.lockoutId,
    });
    expect(await listBlockedStudents(await authorizedSchoolId(school.id))).toEqual([]);
    const audit = await prisma.auditLog.findMany({ where: { action: "student.unlocked" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      schoolId: school.id,
      actorUserId: teacher.userId,
      targetType: "student_lockout",
      targetId: String(blocked[0]!.lockoutId),
    });
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(`${ines.ido}|${ines.lastName}`));
    // Twice is "not found".
    await expectDomainError(
      unlockStudent({
        schoolId: await authorizedSchoolId(school.id),
        actorUserId: teacher.userId,
        lockoutId: blocked[0]!.lockoutId,
      }),
      "NOT_FOUND",
    );

    const outcome = await reconcileGarStudent({
      identity: await identityOf(ines.key),
      campaignCode: campaign.code,
      birthdate: ines.birthdate,
      clientAddress: ADDRESS,
    });
    expect(outcome.isNewAccount).toBe(true);
    expectLogsFreeOf(ines.ido, ines.lastName);
  });

  it("a block that ended is no longer listed, and its row is pruned a day later", async () => {
    const { school, campaign } = await setupDemoSchool();
    await blockInes(campaign.code);
    const row = await prisma.studentLockout.findFirstOrThrow();
    const afterBlock = new Date(row.blockedUntil.getTime() + 1000);
    expect(await listBlockedStudents(await authorizedSchoolId(school.id), {}, afterBlock)).toEqual([]);
    expect((await runHousekeeping(afterBlock)).studentLockouts).toBe(0);
    expect((await runHousekeeping(new Date(row.blockedUntil.getTime() + 25 * 60 * 60_000))).studentLockouts).toBe(1);
    expect(await prisma.studentLockout.count()).toBe(0);
  });
});
