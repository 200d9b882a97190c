/**
 * Benchmark of the Élèves page's query for a large school: 3,000 enabled learners (a big lycée),
 * a third of them with a GAR account and participations. Times `listLearners` for the filters a
 * member uses (first page, a later page, search, class, connection, joined / not joined) and
 * prints p50/p95 per case. Works in its own school, removed afterwards.
 *
 *   DATABASE_URL=postgresql://… npx tsx --conditions=react-server bench/learners-list.ts [--learners 3000] [--runs 50]
 */
import { parseArgs } from "node:util";

import { listLearners } from "../src/features/learners/data";
import { learnerListQuerySchema } from "../src/features/learners/schema";
import { disconnectPrisma, prisma } from "../src/lib/db";
import { operatorSchoolId } from "../src/lib/operator";
import { ensureTestTargetProfile, testSnapshot } from "../tests/factories/campaigns";

const { values } = parseArgs({
  options: { learners: { type: "string", default: "3000" }, runs: { type: "string", default: "50" } },
});
const learnerCount = Number(values.learners);
const runs = Number(values.runs);

const run = Date.now().toString(36);
const school = await prisma.school.create({
  data: { name: `Bench élèves ${run}`, uai: `08${run.slice(-5).toUpperCase().padStart(5, "0")}Q` },
});
try {
  const owner = await prisma.user.create({
    data: { firstName: "Bench", lastName: "Owner", email: `bench-learners-${run}@bench.invalid` },
  });
  const divisions = Array.from({ length: 90 }, (_, i) => `${["2NDE", "1RE", "TLE"][i % 3]} ${Math.floor(i / 3) + 1}`);
  await prisma.learner.createMany({
    data: Array.from({ length: learnerCount }, (_, i) => ({
      schoolId: school.id,
      nationalStudentId: `B${run}${String(i).padStart(6, "0")}`.slice(-11),
      firstName: ["Inès", "Timéo", "Maëlys", "Noé", "Chloé", "Raphaël"][i % 6]!,
      lastName: `NOM${String(i).padStart(5, "0")}`,
      birthdate: new Date(Date.UTC(2008 + (i % 3), i % 12, 1 + (i % 28))),
      division: divisions[i % divisions.length]!,
    })),
  });
  await ensureTestTargetProfile("tp-bench");
  const campaign = await prisma.campaign.create({
    data: {
      schoolId: school.id,
      name: "Bench",
      code: `BNCH${run.slice(-2).toUpperCase()}222`.replace(/[ILO01]/g, "Z").slice(0, 9),
      targetProfileId: "tp-bench",
      ownerId: owner.id,
      creatorId: owner.id,
      division: null,
      challengeSnapshot: testSnapshot("tp-bench"),
    },
  });
  const joined = await prisma.learner.findMany({
    where: { schoolId: school.id },
    select: { id: true },
    orderBy: { id: "asc" },
    take: Math.floor(learnerCount / 3),
  });
  for (const learner of joined) {
    const user = await prisma.user.create({
      data: {
        firstName: "É",
        lastName: "L",
        authenticationMethods: { create: { provider: "GAR", externalId: `bench-${run}-${learner.id}` } },
      },
    });
    await prisma.learner.update({ where: { id: learner.id }, data: { userId: user.id } });
    await prisma.participation.create({
      data: { schoolId: campaign.schoolId, campaignId: campaign.id, learnerId: learner.id, userId: user.id },
    });
  }

  // As autovacuum would after a real import: fresh statistics for the planner.
  await prisma.$executeRawUnsafe("ANALYZE learners, participations, authentication_methods, users");

  const cases: Record<string, Record<string, string>> = {
    "première page": {},
    "page 40": { page: "40" },
    "recherche « nom01 »": { q: "nom01" },
    classe: { division: divisions[7]! },
    "connexion GAR": { connection: "GAR" },
    "pas encore rejoint": { joined: "no" },
    "classe + rejoint": { division: divisions[7]!, joined: "yes" },
  };
  console.log(
    `${learnerCount} élèves, ${joined.length} avec un compte GAR et une participation ; ${runs} mesures par cas`,
  );
  console.log("cas".padEnd(24), "p50 ms".padStart(8), "p95 ms".padStart(8), "lignes".padStart(8), "total".padStart(8));
  for (const [label, params] of Object.entries(cases)) {
    const query = learnerListQuerySchema.parse(params);
    const times: number[] = [];
    let page = await listLearners(operatorSchoolId(school.id), query);
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      page = await listLearners(operatorSchoolId(school.id), query);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
    console.log(
      label.padEnd(24),
      at(0.5).padStart(8),
      at(0.95).padStart(8),
      String(page.rows.length).padStart(8),
      String(page.total).padStart(8),
    );
  }
} finally {
  await prisma.school.delete({ where: { id: school.id } }).catch(() => {});
  await prisma.user.deleteMany({
    where: {
      OR: [
        { email: { startsWith: `bench-learners-${run}` } },
        { authenticationMethods: { some: { externalId: { startsWith: `bench-${run}-` } } } },
      ],
    },
  });
  await disconnectPrisma();
}
