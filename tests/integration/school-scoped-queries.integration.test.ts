import pg from "pg";
import { describe, expect, it } from "vitest";

import { chooseNextChallenge } from "@/features/parcours/domain/adaptive";
import { findLearnerOfCampaignSchool, getRunnerView, getStartView } from "@/features/runner/data";
import { shareResults, startParticipationByCode, submitAnswer } from "@/features/runner/mutations";
import {
  acceptStudentCgu,
  createPendingIdentity,
  joinCampaignAsStudent,
  reconcileGarStudent,
} from "@/features/student-accounts/mutations";
import { prisma } from "@/lib/db";
import { createSessionRecord, findSessionByToken } from "@/lib/session-store";
import { createLearner } from "../factories/learners";
import { createContentCampaign } from "../factories/runner";

/**
 * The answer and onboarding paths stay inside one school (docs/scaling.md §3): every statement
 * they send that touches participations or answers filters those rows by school_id (or inserts
 * it), so that the tables can be distributed by school without a cross-school query. The SQL is
 * the one really sent: every statement of Prisma and of the pg pool goes through pg's Client.
 */

/** Runs `work` and returns the text of every statement sent to PostgreSQL meanwhile, in order. */
async function captureSql<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0];
    const text = typeof config === "string" ? config : (config as { text?: unknown } | null)?.text;
    if (typeof text === "string") statements.push(text.replace(/\s+/g, " ").trim());
    return original.apply(this, args);
  };
  try {
    return { result: await work(), statements };
  } finally {
    prototype.query = original;
  }
}

const SCOPED =
  /\b(?:from|join|update|into)\s+(?:"?public"?\.)?"?(participations|answers)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi;
const NOT_ALIASES = new Set([
  "where",
  "on",
  "set",
  "left",
  "join",
  "inner",
  "order",
  "limit",
  "for",
  "values",
  "select",
]);

/** The references to participations or answers in `sql` that are not filtered (or inserted) by school_id. */
export function unscopedReferences(sql: string): string[] {
  const problems: string[] = [];
  for (const match of sql.matchAll(SCOPED)) {
    const [reference, table, maybeAlias] = match;
    if (/^into/i.test(reference)) {
      const columns = /^\s*\(([^)]*)\)/.exec(sql.slice(match.index + reference.length - (maybeAlias?.length ?? 0)));
      if (!columns || !/\bschool_id\b/.test(columns[1]!)) problems.push(`${table}: insert without school_id`);
      continue;
    }
    const alias = maybeAlias && !NOT_ALIASES.has(maybeAlias.toLowerCase()) ? maybeAlias : null;
    const column = alias
      ? `"?${alias}"?\\."?school_id"?`
      : `(?:(?<![.\\w"])"?school_id"?|"?${table}"?\\."?school_id"?)`;
    if (!new RegExp(`${column}\\s*(?:=|IN\\b)`, "i").test(sql)) problems.push(`${table}${alias ? ` (${alias})` : ""}`);
  }
  return problems;
}

const touchesScopedTables = (sql: string) => /\b(participations|answers)\b/i.test(sql);

/**
 * The one statement allowed to read across schools, by design: Mon profil's read of a student's
 * completed participations by user (listCompletedResults, ADR 022), once at *Commencer* to freeze
 * the start levels. It never runs on the answer path (checked below); docs/scaling.md §3 says how
 * it is served once the tables are distributed by school.
 */
const PROFILE_READ =
  /^SELECT .* FROM "public"\."participations" WHERE \("public"\."participations"\."user_id" = \$1 AND "public"\."participations"\."completed_at" IS NOT NULL/;

function expectSchoolScoped(statements: string[], allowProfileRead = false) {
  const profileReads = statements.filter((sql) => PROFILE_READ.test(sql));
  expect(profileReads.length).toBeLessThanOrEqual(allowProfileRead ? 1 : 0);
  const scoped = statements.filter((sql) => touchesScopedTables(sql) && !PROFILE_READ.test(sql));
  expect(scoped.length).toBeGreaterThan(0);
  expect(scoped.map((sql) => ({ sql, problems: unscopedReferences(sql) })).filter((s) => s.problems.length)).toEqual(
    [],
  );
}

async function arrange() {
  const { school, campaign } = await createContentCampaign();
  const learner = await createLearner(school.id, {
    firstName: "Maëlys",
    lastName: "BERTHELOT",
    birthdate: "2013-05-06",
  });
  return { school, campaign, learner };
}

describe("the school-scoping check itself", () => {
  it("refuses a read, a join and an insert of participations or answers without school_id", () => {
    expect(unscopedReferences(`SELECT * FROM participations WHERE campaign_id = $1`)).toEqual(["participations"]);
    expect(
      unscopedReferences(
        `SELECT 1 FROM campaigns c JOIN participations p ON p.campaign_id = c.id WHERE c.school_id = 1`,
      ),
    ).toEqual(["participations (p)"]);
    expect(unscopedReferences(`INSERT INTO answers (participation_id, value) VALUES ($1, $2)`)).toEqual([
      "answers: insert without school_id",
    ]);
    expect(
      unscopedReferences(
        `SELECT "t0"."id" FROM "public"."participations" AS "t0" WHERE ("t0"."school_id" = $1 AND "t0"."id" = $2)`,
      ),
    ).toEqual([]);
  });
});

describe("the onboarding and answer paths are school-scoped", () => {
  it("onboarding: reconciliation, session read, terms, joining and the start page's reads", async () => {
    const { school, campaign, learner } = await arrange();
    const identity = {
      id: await createPendingIdentity(),
      garId: `IDO-SCOPED-${Date.now()}`,
      firstName: learner.firstName,
      lastName: learner.lastName,
      uais: [school.uai],
    };
    const { result: outcome, statements } = await captureSql(async () => {
      const reconciled = await reconcileGarStudent({
        identity,
        campaignCode: campaign.code,
        birthdate: "2013-05-06",
        clientAddress: "203.0.113.9",
      });
      const { token } = await createSessionRecord({ userId: reconciled.userId, kind: "STUDENT" });
      await findSessionByToken(token);
      await acceptStudentCgu(reconciled.userId);
      await findLearnerOfCampaignSchool(reconciled.userId, campaign.id);
      await getStartView(reconciled.userId, campaign.code);
      const joined = await joinCampaignAsStudent({ userId: reconciled.userId, campaignCode: campaign.code });
      await startParticipationByCode({ code: campaign.code, userId: reconciled.userId });
      await getRunnerView(reconciled.userId, campaign.code);
      return joined;
    });
    expect(await prisma.participation.findUniqueOrThrow({ where: { id: outcome.participationId } })).toMatchObject({
      schoolId: school.id,
    });
    expectSchoolScoped(statements, true);
  });

  it("answers: every answer in at most two statements (the read and one write), the last one and the share included", async () => {
    const { school, campaign, learner } = await arrange();
    const user = await prisma.user.create({ data: { firstName: learner.firstName, lastName: learner.lastName } });
    await prisma.learner.update({ where: { id: learner.id }, data: { userId: user.id } });
    await startParticipationByCode({ code: campaign.code, userId: user.id });

    const all: string[] = [];
    let completed = false;
    for (let guard = 0; guard < 100 && !completed; guard += 1) {
      const view = (await getRunnerView(user.id, campaign.code))!;
      const next = chooseNextChallenge(
        view.campaign.snapshot,
        view.participation!.answers,
        view.participation!.id,
        view.participation!.startLevels,
      )!;
      const { result: outcome, statements } = await captureSql(() =>
        submitAnswer({
          code: campaign.code,
          userId: user.id,
          challengeId: next.id,
          submission: { intent: "skip", choices: [] },
        }),
      );
      expect(outcome.kind).toBe("ANSWERED");
      expect(statements.length).toBeLessThanOrEqual(2);
      completed = outcome.kind === "ANSWERED" && outcome.isCompleted;
      all.push(...statements);
    }
    expect(completed).toBe(true);
    const shared = await captureSql(() => shareResults({ code: campaign.code, userId: user.id }));
    all.push(...shared.statements);

    const answers = await prisma.answer.findMany({ where: { participation: { campaignId: campaign.id } } });
    expect(answers.length).toBeGreaterThan(1);
    expect(answers.every((answer) => answer.schoolId === school.id)).toBe(true);
    expectSchoolScoped(all);
  });
});
