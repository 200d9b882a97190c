// Benchmark of the campaign runner (a script, not a test): N students answer a campaign at the
// same time through HTTP, exactly as a browser without JavaScript does (GET the question page,
// POST its form to the server action, follow the 303).
//
//   DATABASE_URL=postgresql://… npx tsx --conditions=react-server bench/answers.ts \
//     [--base http://localhost:3000] [--students 200] [--parcours rentree-6e] [--think 0] [--keep]
//
// --think is the mean time (ms) a student spends reading a question before answering (each wait
// drawn between half and one and a half times it). 0, the default, is the stress case: every
// student answers the instant the page arrives, so latency there is mostly queueing.
//
// DATABASE_URL must be the database of the running app. The data is created directly in it (a
// bench school, a campaign, N GAR students each linked to a learner and already in the campaign,
// one session row each) and removed at the end unless --keep. Prints p50/p95 per answer (the
// POST that saves it) and per question page, the errors, and checks in the database that every
// answer was recorded exactly once.
import { parseArgs } from "node:util";

import { generateCampaignCode } from "../src/features/campaigns/domain/campaign-code";
import { buildCampaignSnapshot } from "../src/features/parcours/data";
import { loadContent } from "../src/features/parcours/mutations";
import type { ChallengeSnapshot } from "../src/features/parcours/types";
import { disconnectPrisma, prisma } from "../src/lib/db";
import { createSessionRecord } from "../src/lib/session-store";
import { describeReference, measureReference, percentile, times } from "./reference";

const { values: args } = parseArgs({
  options: {
    base: { type: "string", default: process.env.BENCH_BASE_URL ?? "http://localhost:3000" },
    students: { type: "string", default: "200" },
    parcours: { type: "string", default: "rentree-6e" },
    think: { type: "string", default: "0" },
    keep: { type: "boolean", default: false },
  },
});
const base = args.base.replace(/\/$/, "");
const studentCount = Number(args.students);
const thinkMs = Number(args.think);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Deterministic jitter, so two runs wait the same way. */
const jitter = (student: number, step: number) => 0.5 + ((student * 7919 + step * 104729) % 1000) / 1000;
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL doit désigner la base de l'application en cours d'exécution.");
  process.exit(1);
}

type Student = { userId: number; cookie: string };

async function arrange() {
  await loadContent(prisma);
  const stamp = Date.now().toString(36);
  const school = await prisma.school.create({
    data: { name: `Bench runner ${stamp}`, uai: `09${String(Date.now() % 100000).padStart(5, "0")}B` },
  });
  const owner = await prisma.user.create({
    data: { firstName: "Bench", lastName: "OWNER", email: `bench-${stamp}@bench.invalid`, cguAcceptedAt: new Date() },
  });
  await prisma.member.create({ data: { schoolId: school.id, userId: owner.id, role: "ADMIN" } });
  const snapshot = await buildCampaignSnapshot(prisma, args.parcours);
  const campaign = await prisma.campaign.create({
    data: {
      schoolId: school.id,
      name: "Bench",
      code: generateCampaignCode(),
      targetProfileId: args.parcours,
      ownerId: owner.id,
      creatorId: owner.id,
      challengeSnapshot: snapshot,
    },
  });
  const users = await prisma.user.createManyAndReturn({
    data: Array.from({ length: studentCount }, (_, i) => ({ firstName: `Élève${i}`, lastName: "BENCH" })),
    select: { id: true },
  });
  const learners = await prisma.learner.createManyAndReturn({
    data: users.map((user, i) => ({
      schoolId: school.id,
      nationalStudentId: `${stamp}${String(i).padStart(4, "0")}`.slice(-10).padStart(10, "0") + "B",
      firstName: `Élève${i}`,
      lastName: "BENCH",
      birthdate: new Date("2013-01-01T00:00:00Z"),
      division: "6E BENCH",
      userId: user.id,
    })),
    select: { id: true, userId: true },
  });
  await prisma.participation.createMany({
    data: learners.map((learner) => ({
      schoolId: school.id,
      campaignId: campaign.id,
      learnerId: learner.id,
      userId: learner.userId!,
    })),
  });
  const students: Student[] = [];
  for (const user of users) {
    const { token } = await createSessionRecord({ userId: user.id, kind: "STUDENT" });
    students.push({ userId: user.id, cookie: `pix_session=${token}` });
  }
  return { school, owner, campaign, snapshot, students, userIds: users.map((user) => user.id) };
}

async function cleanUp(ids: { schoolId: number; campaignId: number; ownerId: number; userIds: number[] }) {
  await prisma.participation.deleteMany({ where: { campaignId: ids.campaignId } });
  await prisma.campaign.delete({ where: { id: ids.campaignId } });
  await prisma.learner.deleteMany({ where: { schoolId: ids.schoolId } });
  await prisma.school.delete({ where: { id: ids.schoolId } });
  await prisma.user.deleteMany({ where: { id: { in: [...ids.userIds, ids.ownerId] } } });
}

const ENTITIES: Record<string, string> = {
  "&quot;": '"',
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&#x27;": "'",
  "&#39;": "'",
};
const unescape = (text: string) => text.replace(/&(?:quot|amp|lt|gt|#x27|#39);/g, (entity) => ENTITIES[entity]!);

/** The hidden inputs of the answer form, as the browser would post them. */
function readForm(html: string): { fields: [string, string][]; challengeId: string } | null {
  const start = html.indexOf("<form");
  const end = html.indexOf("</form>", start);
  if (start === -1 || end === -1) return null;
  const fields: [string, string][] = [];
  for (const [input] of html.slice(start, end).matchAll(/<input\b[^>]*>/g)) {
    if (!/type="hidden"/.test(input)) continue;
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) fields.push([unescape(name), unescape(/value="([^"]*)"/.exec(input)?.[1] ?? "")]);
  }
  const challengeId = fields.find(([name]) => name === "challengeId")?.[1];
  return challengeId ? { fields, challengeId } : null;
}

/** Right three times out of four, a skip now and then: a realistic mix of paths. */
function chooseAnswer(challenge: ChallengeSnapshot, student: number, step: number): [string, string][] {
  if ((student + step) % 7 === 6) return [["intent", "skip"]];
  const right = (student + step) % 4 !== 0;
  if (challenge.type === "QROC")
    return [
      ["intent", "answer"],
      ["text", right ? challenge.answerKey[0]! : "je ne sais pas"],
    ];
  // A QROCM posts one "field" per field, in the question's order.
  if (challenge.type === "QROCM")
    return [
      ["intent", "answer"],
      ...challenge.proposals.map((field): [string, string] => [
        "field",
        right ? challenge.fieldAnswers![field.id]![0]! : "je ne sais pas",
      ]),
    ];
  const ids = right
    ? challenge.answerKey
    : [challenge.proposals.find((proposal) => !challenge.answerKey.includes(proposal.id))!.id];
  return [["intent", "answer"], ...ids.map((id): [string, string] => ["choice", id])];
}

const postTimes: number[] = [];
const getTimes: number[] = [];
const errors: string[] = [];

async function runStudent(index: number, student: Student, code: string, challenges: Map<string, ChallengeSnapshot>) {
  const questionUrl = `${base}/campagnes/${code}/question`;
  // A class does not click "Commencer" in the same millisecond: arrivals spread over one think time.
  if (thinkMs > 0) await sleep(thinkMs * (jitter(index, 0) - 0.5));
  for (let step = 0; step < 100; step++) {
    let started = performance.now();
    const page = await fetch(questionUrl, { headers: { cookie: student.cookie }, redirect: "manual" });
    const html = await page.text();
    getTimes.push(performance.now() - started);
    if (page.status >= 300 && page.status < 400 && page.headers.get("location")?.includes("/resultats")) return;
    const form = page.status === 200 ? readForm(html) : null;
    const challenge = form && challenges.get(form.challengeId);
    if (!form || !challenge) {
      errors.push(`GET question: HTTP ${page.status}${form ? ` question inconnue ${form.challengeId}` : ""}`);
      return;
    }
    if (thinkMs > 0) await sleep(thinkMs * jitter(index, step));
    const body = new FormData();
    for (const [name, value] of [...form.fields, ...chooseAnswer(challenge, index, step)]) body.append(name, value);
    started = performance.now();
    const response = await fetch(questionUrl, {
      method: "POST",
      body,
      headers: { cookie: student.cookie, origin: base },
      redirect: "manual",
    });
    await response.arrayBuffer();
    postTimes.push(performance.now() - started);
    const location = response.headers.get("location") ?? "";
    if (response.status !== 303 || !/\/(question|resultats)$/.test(location)) {
      errors.push(`POST réponse : HTTP ${response.status} ${location}`);
      return;
    }
    if (location.endsWith("/resultats")) return;
  }
  errors.push("trop de questions : le parcours ne s'arrête pas");
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

const health = await fetch(`${base}/api/health`).catch(() => null);
if (!health?.ok) {
  console.error(`L'application ne répond pas sur ${base} (GET /api/health).`);
  process.exit(1);
}

console.log(`Préparation : ${studentCount} élèves, parcours ${args.parcours}, temps de lecture moyen ${thinkMs} ms…`);
const arranged = await arrange();
const challenges = new Map(arranged.snapshot.challenges.map((challenge) => [challenge.id, challenge]));
let exitCode = 0;
try {
  // One page per student first: every session and the page code are warm before timing starts.
  await Promise.all(
    arranged.students.map((student) =>
      fetch(`${base}/campagnes/${arranged.campaign.code}/demarrer`, { headers: { cookie: student.cookie } }).then((r) =>
        r.arrayBuffer(),
      ),
    ),
  );

  console.log(`Parcours en cours : ${studentCount} élèves en même temps sur ${base}…`);
  const started = performance.now();
  await Promise.all(
    arranged.students.map((student, index) => runStudent(index, student, arranged.campaign.code, challenges)),
  );
  const seconds = (performance.now() - started) / 1000;

  const participations = await prisma.participation.findMany({
    where: { campaignId: arranged.campaign.id },
    select: { status: true, _count: { select: { answers: true } } },
  });
  const recorded = participations.reduce((sum, participation) => sum + participation._count.answers, 0);
  const finished = participations.filter((participation) => participation.status === "TO_SHARE").length;

  console.log(`\nRésultats (${seconds.toFixed(1)} s, ${(postTimes.length / seconds).toFixed(0)} réponses/s)`);
  console.log(`  réponses envoyées : ${postTimes.length}, enregistrées en base : ${recorded}`);
  console.log(`  parcours terminés : ${finished} / ${studentCount}`);
  console.log(
    `  réponse (POST → 303) : p50 ${ms(percentile(postTimes, 50))}, p95 ${ms(percentile(postTimes, 95))}, p99 ${ms(percentile(postTimes, 99))}, max ${ms(Math.max(...postTimes))}`,
  );
  console.log(`  page question (GET)  : p50 ${ms(percentile(getTimes, 50))}, p95 ${ms(percentile(getTimes, 95))}`);
  const reference = await measureReference(base, studentCount);
  console.log(`  ${describeReference(reference, studentCount)}`);
  console.log(
    `  rapports : réponses/s ${times(postTimes.length / seconds, reference.requestsPerSecond)} les req/s de la référence, ` +
      `p95 réponse ${times(percentile(postTimes, 95), reference.p95Ms)} le p95 de la référence`,
  );
  console.log(`  erreurs : ${errors.length}`);
  for (const message of [...new Set(errors)].slice(0, 10)) console.log(`    - ${message}`);
  if (errors.length > 0 || recorded !== postTimes.length || finished !== studentCount) exitCode = 1;
} finally {
  if (!args.keep)
    await cleanUp({
      schoolId: arranged.school.id,
      campaignId: arranged.campaign.id,
      ownerId: arranged.owner.id,
      userIds: arranged.userIds,
    });
  await disconnectPrisma();
}
process.exit(exitCode);
