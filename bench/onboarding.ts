/**
 * Benchmark of the student onboarding: N students (default 35, one class) go at the same time
 * through the ENT démo, the GAR stand-in and the app, over HTTP, exactly like browsers without
 * JavaScript: ENT sign-in → /gar/connexion → GAR → /gar/callback → /rejoindre/CODE (birth date)
 * → terms of use → campaign start page → *Commencer* (where the participation starts). Prints
 * p50/p95/max per app step, and every error.
 *
 *   npx tsx --conditions=react-server bench/onboarding.ts [--students 35] [--ramp-ms 0] [--app URL] [--gar URL]
 *     [--sql-counter http://127.0.0.1:6545 [--sql-top 40]]
 *
 * `--ramp-ms` spreads the starts over that many milliseconds (0: all at the same instant, the
 * worst case; a real class starts over a minute or so).
 *
 * Needs the app (`npm start`, or `next start` with GAR_ISSUER pointing at the stand-in) and the
 * stand-in (`npm run gar`) running, and DATABASE_URL set to the app's database: the script
 * creates its own school, class and campaign there (named "Bench …"), never touching others.
 * With `--sql-counter` (the app's DATABASE_URL going through bench/sql-counter.ts), it also prints
 * the SQL statements the server sent during the burst, per onboarded student.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

import { generateCampaignCode } from "../src/features/campaigns/domain/campaign-code";
import { disconnectPrisma, prisma } from "../src/lib/db";
import { ensureTestTargetProfile, testSnapshot } from "../tests/factories/campaigns";
import { BrowserLikeClient, type Hop } from "../tests/gar/http-client";
import { describeReference, measureReference, percentile, times } from "./reference";
import { describeSqlCounts, sqlCounterClient } from "./sql-counter";

const { values: args } = parseArgs({
  options: {
    students: { type: "string", default: "35" },
    "ramp-ms": { type: "string", default: "0" },
    app: { type: "string", default: process.env.APP_BASE_URL ?? "http://localhost:3000" },
    gar: { type: "string", default: process.env.GAR_ISSUER ?? "http://localhost:4000" },
    /** The HTTP side of bench/sql-counter.ts, when the app's DATABASE_URL goes through it. */
    "sql-counter": { type: "string" },
    /** With --sql-counter: also print the N most frequent statements. */
    "sql-top": { type: "string", default: "0" },
  },
});
const studentCount = Number(args.students);
const rampMs = Number(args["ramp-ms"]);
const appBaseUrl = args.app.replace(/\/+$/, "");
const garBaseUrl = args.gar.replace(/\/+$/, "");

const FIRST_NAMES = [
  "Inès",
  "Maëlys",
  "Chloé",
  "Timéo",
  "Raphaël",
  "Zoé",
  "Noé",
  "Léa",
  "Côme",
  "Anaïs",
  "Héloïse",
  "Loïc",
  "Océane",
  "Jérôme",
];
const LAST_NAMES = [
  "BERTHELOT",
  "DA SILVA",
  "CŒURDEROY",
  "N'DIAYE",
  "DUPONT-MOREAU",
  "LEFÈVRE",
  "MÜLLER",
  "PÉREZ",
  "GIRARD",
  "ROUX",
];

type BenchStudent = { index: number; ido: string; firstName: string; lastName: string; birthdate: string };

/**
 * The school's subscription at the GAR, as its activation would create it: the GAR stand-in refuses
 * students of unsubscribed schools. In the e2e scale run the app is pointed at the stand-in's web
 * service by E2E_GAR_WS_* (tests/e2e/run.ts); with `npm start`, GAR_WS_* are already set.
 */
async function subscribeBenchSchool(schoolId: number) {
  if (process.env.E2E_GAR_WS_PKI && process.env.E2E_GAR_WS_PORT && !process.env.GAR_WS_URL) {
    const { E2E_GAR_DISTRIBUTOR_ID } = await import("../tests/e2e/constants");
    const pki = JSON.parse(process.env.E2E_GAR_WS_PKI) as { ca: { cert: string } };
    Object.assign(process.env, {
      GAR_WS_URL: `https://localhost:${process.env.E2E_GAR_WS_PORT}/abonnements`,
      GAR_WS_CERT: process.env.E2E_GAR_WS_CLIENT_CERT,
      GAR_WS_KEY: process.env.E2E_GAR_WS_CLIENT_KEY,
      GAR_WS_CA: pki.ca.cert,
      GAR_DISTRIBUTOR_ID: E2E_GAR_DISTRIBUTOR_ID,
    });
    const { resetEnvForTests } = await import("../src/lib/env");
    resetEnvForTests();
  }
  if (!process.env.GAR_WS_URL) return;
  const { ensureSchoolSubscription, subscriptionDepsFromEnv } =
    await import("../src/features/gar-subscriptions/mutations");
  const deps = subscriptionDepsFromEnv(undefined);
  const outcome = deps ? await ensureSchoolSubscription(schoolId, deps) : null;
  if (outcome && outcome.outcome !== "DONE") throw new Error(`abonnement GAR du bench : ${JSON.stringify(outcome)}`);
}

async function setUp(run: string) {
  const uai = `09${String(Math.floor(Math.random() * 100000)).padStart(5, "0")}B`;
  const division = `3E BENCH`;
  const school = await prisma.school.create({
    data: { name: `Bench ${run}`, uai, managesStudents: true, isGarEnabled: true },
  });
  const owner = await prisma.user.create({
    data: { firstName: "Bench", lastName: "Owner", email: `bench-${run}@bench.invalid`, cguAcceptedAt: new Date() },
  });
  await prisma.member.create({ data: { schoolId: school.id, userId: owner.id, role: "ADMIN" } });
  await subscribeBenchSchool(school.id);
  const targetProfile = await ensureTestTargetProfile("tp-bench");
  const campaign = await prisma.campaign.create({
    data: {
      schoolId: school.id,
      name: `Bench ${run}`,
      code: generateCampaignCode(),
      targetProfileId: targetProfile.id,
      division,
      ownerId: owner.id,
      creatorId: owner.id,
      challengeSnapshot: testSnapshot(targetProfile.id),
    },
  });
  const students: BenchStudent[] = Array.from({ length: studentCount }, (_, index) => ({
    index,
    ido: `bench-${run}-${index}-${randomBytes(24).toString("hex")}`,
    firstName: `${FIRST_NAMES[index % FIRST_NAMES.length]}${index >= FIRST_NAMES.length ? ` ${index}` : ""}`,
    lastName: LAST_NAMES[index % LAST_NAMES.length]!,
    birthdate: `2012-${String((index % 12) + 1).padStart(2, "0")}-${String((index % 28) + 1).padStart(2, "0")}`,
  }));
  await prisma.learner.createMany({
    data: students.map((student) => ({
      schoolId: school.id,
      nationalStudentId: `${run.slice(-6)}${String(student.index).padStart(4, "0")}B`.slice(0, 11),
      firstName: student.firstName,
      lastName: student.lastName,
      birthdate: new Date(`${student.birthdate}T00:00:00Z`),
      division,
      status: "ST",
    })),
  });
  return { school, campaign, students };
}

async function tearDown(schoolId: number, ownerEmail: string) {
  const learners = await prisma.learner.findMany({ where: { schoolId }, select: { userId: true } });
  const userIds = learners.map((learner) => learner.userId).filter((id): id is number => id !== null);
  await prisma.participation.deleteMany({ where: { campaign: { schoolId } } });
  await prisma.campaign.deleteMany({ where: { schoolId } });
  await prisma.school.delete({ where: { id: schoolId } });
  await prisma.user.deleteMany({ where: { OR: [{ id: { in: userIds } }, { email: ownerEmail }] } });
}

/** Hidden fields of the form containing `marker` (React's server-action fields), with entities decoded. */
function formFields(html: string, marker: string): Record<string, string> {
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((candidate) => candidate.includes(marker));
  if (!form) throw new Error(`no form with ${marker}`);
  const decode = (value: string) =>
    value
      .replace(/&quot;/g, '"')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const fields: Record<string, string> = {};
  for (const input of form.match(/<input\b[^>]*>/g) ?? []) {
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    if (!name || !/\btype="hidden"/.test(input)) continue;
    fields[decode(name)] = decode(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "");
  }
  return fields;
}

type StepName =
  | "gar_connexion"
  | "callback"
  | "birthdate_page"
  | "birthdate_submit"
  | "cgu_page"
  | "cgu_submit"
  | "start_page"
  | "start_submit";
const samples = new Map<StepName, number[]>();
const errors: string[] = [];

function record(step: StepName, hop: Hop) {
  samples.set(step, [...(samples.get(step) ?? []), hop.durationMs]);
}

function expectRedirect(step: string, hop: Hop, to: RegExp): string {
  if (hop.status < 300 || hop.status >= 400 || !hop.location || !to.test(hop.location)) {
    throw new Error(`${step}: expected a redirect to ${to}, got ${hop.status} ${hop.location ?? ""}`);
  }
  return hop.location;
}

async function postAction(browser: BrowserLikeClient, url: string, fields: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return browser.request(url, { method: "POST", body, headers: { origin: appBaseUrl } });
}

async function onboard(student: BenchStudent, code: string, schoolUai: string) {
  const browser = new BrowserLikeClient();
  await browser.postForm(`${garBaseUrl}/ent/connexion`, {
    prenom: student.firstName,
    nom: student.lastName,
    classe: "3E BENCH",
    ido: student.ido,
    // The GAR sends the student's school: a campaign code works only for the identity's schools.
    uai: schoolUai,
  });

  const start = await browser.request(`${appBaseUrl}/gar/connexion?campagne=${code}`);
  record("gar_connexion", start.hop);
  const authorize = expectRedirect("gar_connexion", start.hop, new RegExp(`^${garBaseUrl}`));

  // The GAR stand-in's hops are not the app's: followed, not measured.
  const atGar = await browser.follow(authorize, {}, (url) => url.startsWith(appBaseUrl));
  const callbackUrl = atGar.finalUrl;
  if (!callbackUrl.startsWith(`${appBaseUrl}/gar/callback`))
    throw new Error(`GAR did not come back to the app (${callbackUrl})`);

  // The callback sends an unknown student straight to the birth-date page of the code they came with.
  const callback = await browser.request(callbackUrl);
  record("callback", callback.hop);
  const birthdateUrl = expectRedirect("callback", callback.hop, new RegExp(`/rejoindre/${code}$`));

  const page = await browser.request(birthdateUrl);
  record("birthdate_page", page.hop);
  const html = await page.response.text();
  if (page.hop.status !== 200) throw new Error(`birthdate_page: ${page.hop.status}`);
  const [year, month, day] = student.birthdate.split("-");
  const submit = await postAction(browser, birthdateUrl, {
    ...formFields(html, 'name="day"'),
    day: day!,
    month: month!,
    year: year!,
  });
  record("birthdate_submit", submit.hop);
  const cguUrl = expectRedirect("birthdate_submit", submit.hop, /\/conditions-utilisation\?retour=/);

  const cguPage = await browser.request(cguUrl);
  record("cgu_page", cguPage.hop);
  const cguHtml = await cguPage.response.text();
  const accepted = await postAction(browser, cguUrl, formFields(cguHtml, 'name="returnTo"'));
  record("cgu_submit", accepted.hop);
  const startUrl = expectRedirect("cgu_submit", accepted.hop, new RegExp(`/campagnes/${code}/demarrer$`));

  const startPage = await browser.request(startUrl);
  record("start_page", startPage.hop);
  const startHtml = await startPage.response.text();
  if (startPage.hop.status !== 200) throw new Error(`start_page: ${startPage.hop.status}`);

  // *Commencer*: the participation starts on this POST, not before (docs/domain.md §2).
  const started = await postAction(browser, startUrl, formFields(startHtml, 'name="code"'));
  record("start_submit", started.hop);
  expectRedirect("start_submit", started.hop, new RegExp(`/campagnes/${code}/question$`));
}

async function main() {
  const run = `${Date.now()}`;
  const { school, campaign, students } = await setUp(run);
  console.log(
    `Bench: ${studentCount} élèves, départs étalés sur ${rampMs} ms, campagne ${campaign.code}, app ${appBaseUrl}, GAR ${garBaseUrl}`,
  );
  const sqlCounter = await sqlCounterClient(args["sql-counter"]);
  await sqlCounter?.reset();
  const started = performance.now();
  const results = await Promise.allSettled(
    students.map(async (student) => {
      if (rampMs > 0) await new Promise((resolve) => setTimeout(resolve, (student.index * rampMs) / studentCount));
      return onboard(student, campaign.code, school.uai);
    }),
  );
  const wallMs = performance.now() - started;
  const sqlCounts = await sqlCounter?.read();
  results.forEach((result, index) => {
    if (result.status === "rejected") errors.push(`élève ${index}: ${(result.reason as Error).message}`);
  });

  const linked = await prisma.learner.count({ where: { schoolId: school.id, userId: { not: null } } });
  const participations = await prisma.participation.count({ where: { campaignId: campaign.id } });

  console.log(
    `\n${"étape".padEnd(18)} ${"n".padStart(4)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)}`,
  );
  const all: number[] = [];
  for (const [step, durations] of samples) {
    const sorted = [...durations].sort((a, b) => a - b);
    all.push(...sorted);
    console.log(
      `${step.padEnd(18)} ${String(sorted.length).padStart(4)} ${percentile(sorted, 50).toFixed(0).padStart(8)} ${percentile(sorted, 95).toFixed(0).padStart(8)} ${sorted[sorted.length - 1]!.toFixed(0).padStart(8)}`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `${"toutes requêtes".padEnd(18)} ${String(all.length).padStart(4)} ${percentile(all, 50).toFixed(0).padStart(8)} ${percentile(all, 95).toFixed(0).padStart(8)} ${(all[all.length - 1] ?? 0).toFixed(0).padStart(8)}`,
  );
  console.log(
    `\nDurée totale : ${(wallMs / 1000).toFixed(1)} s ; comptes reliés : ${linked}/${studentCount} ; participations : ${participations}`,
  );
  if (sqlCounts) console.log(describeSqlCounts(sqlCounts, studentCount, "élève accueilli", Number(args["sql-top"])));
  const reference = await measureReference(appBaseUrl, studentCount);
  console.log(describeReference(reference, studentCount));
  console.log(
    `Rapports : p50 de toutes les requêtes ${times(percentile(all, 50), reference.p50Ms)} le p50 de la référence, ` +
      `p95 ${times(percentile(all, 95), reference.p95Ms)} le p95 de la référence`,
  );
  console.log(`Erreurs : ${errors.length}`);
  for (const error of errors) console.log(`  - ${error}`);

  if (process.env.BENCH_KEEP !== "1") await tearDown(school.id, `bench-${run}@bench.invalid`);
  await disconnectPrisma();
  process.exit(errors.length === 0 && linked === studentCount && participations === studentCount ? 0 : 1);
}

await main();
