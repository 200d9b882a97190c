import "server-only";

import { cache } from "react";

import { isValidCampaignCode, normalizeCampaignCode } from "@/features/campaigns/domain/campaign-code";
import { getStudentContext } from "@/lib/session";

import {
  computeProfile,
  startLevelsFromProfile,
  suggestNextSteps,
  type KnownLevel,
  type NextStep,
} from "@/features/parcours/domain/profile";

import { getRunnerView, getStartView, listCompletedResults, type RunnerView } from "./data";
import { type ClassMismatch, findClassMismatch } from "./domain/class-mismatch";
import { chooseNextChallenge, estimateProgress } from "@/features/parcours/domain/adaptive";
import { orderProposals } from "./domain/proposal-order";
import { describeMissedQuestions } from "./domain/results-view";
import type { CompetenceResult, Progress } from "@/features/parcours/types";
import type { MissedQuestion, QuestionView } from "./types";

/** Pages redirect or 404 on these outcomes; `loaders` decide, pages only act. */
export type Routed<T> = { kind: "redirect"; to: string } | { kind: "not-found" } | ({ kind: "page" } & T);

const entry = (code: string) => `/campagnes/${code}`;
const questionPath = (code: string) => `/campagnes/${code}/question`;
const resultsPath = (code: string) => `/campagnes/${code}/resultats`;

/**
 * The signed-in student's view of the campaign. Not signed in, or not yet in this campaign:
 * back to the entry page, which goes through the ENT sign-in and starts the participation.
 */
const loadView = cache(
  async (
    rawCode: string,
  ): Promise<
    Routed<{ code: string; view: RunnerView & { participation: NonNullable<RunnerView["participation"]> } }>
  > => {
    const code = normalizeCampaignCode(decodeURIComponent(rawCode));
    if (!isValidCampaignCode(code)) return { kind: "not-found" };
    const student = await getStudentContext();
    if (!student) return { kind: "redirect", to: entry(code) };
    const view = await getRunnerView(student.userId, code);
    if (!view) return { kind: "not-found" };
    if (!view.participation) return { kind: "redirect", to: entry(code) };
    return { kind: "page", code, view: { ...view, participation: view.participation } };
  },
);

export type StartPage = {
  code: string;
  title: string;
  schoolName: string;
  customLandingText: string | null;
  estimatedTotal: number;
  answeredCount: number;
  /** False for a campaign not started yet: *Commencer* starts it (a POST). */
  hasParticipation: boolean;
  /**
   * Set when the campaign is another class's and the student has not said to go on yet: the page
   * warns first (*Continuer quand même*, *Changer de code*) instead of offering *Commencer*.
   */
  classMismatch: ClassMismatch | null;
};

export type StartPageOptions = {
  /** The student chose *Continuer quand même* on the other-class warning. */
  hasConfirmedOtherClass?: boolean;
};

export async function loadStartPage(rawCode: string, options: StartPageOptions = {}): Promise<Routed<StartPage>> {
  const code = normalizeCampaignCode(decodeURIComponent(rawCode));
  if (!isValidCampaignCode(code)) return { kind: "not-found" };
  const student = await getStudentContext();
  if (!student) return { kind: "redirect", to: entry(code) };
  // The learner of the campaign's school is read in the same statement.
  const start = await getStartView(student.userId, code);
  if (!start) return { kind: "not-found" };
  const { campaign, participation } = start.view;
  let classMismatch: ClassMismatch | null = null;
  if (!participation) {
    // Only a learner of the campaign's school may start it; the entry page tells the others why.
    const learner = campaign.isArchived ? null : start.learner;
    if (!learner) return { kind: "redirect", to: entry(code) };
    if (!options.hasConfirmedOtherClass) {
      classMismatch = findClassMismatch(learner.campaignDivision, learner.learnerDivision);
    }
  } else if (participation.status !== "STARTED") {
    return { kind: "redirect", to: resultsPath(code) };
  }
  return {
    kind: "page",
    code,
    title: campaign.title,
    schoolName: campaign.schoolName,
    customLandingText: campaign.customLandingText,
    // Not started yet: the levels « Commencer » will freeze, so the announced length matches the walk.
    estimatedTotal: estimateProgress(
      campaign.snapshot,
      [],
      participation?.startLevels ??
        startLevelsFromProfile(
          computeProfile(await listCompletedResults(student.userId), new Date()),
          campaign.snapshot.competences.map((competence) => competence.id),
        ),
    ).estimatedTotal,
    answeredCount: participation?.answers.length ?? 0,
    hasParticipation: participation !== null,
    classMismatch,
  };
}

export type QuestionPage = {
  code: string;
  title: string;
  question: QuestionView;
  progress: Progress;
  isArchived: boolean;
};

export async function loadQuestionPage(rawCode: string): Promise<Routed<QuestionPage>> {
  const loaded = await loadView(rawCode);
  if (loaded.kind !== "page") return loaded;
  const { code, view } = loaded;
  if (view.participation.status !== "STARTED") return { kind: "redirect", to: resultsPath(code) };
  const { startLevels } = view.participation;
  const next = chooseNextChallenge(
    view.campaign.snapshot,
    view.participation.answers,
    view.participation.id,
    startLevels,
  );
  if (!next) return { kind: "redirect", to: resultsPath(code) };
  return {
    kind: "page",
    code,
    title: view.campaign.title,
    isArchived: view.campaign.isArchived,
    progress: estimateProgress(view.campaign.snapshot, view.participation.answers, startLevels),
    question: {
      id: next.id,
      type: next.type,
      statement: next.statement,
      // A QROCM's fields are read in order (a table to fill): never shuffled.
      proposals:
        next.type === "QROCM" ? next.proposals : orderProposals(next.proposals, view.participation.id, next.id),
      illustrationUrl: next.illustrationUrl,
      illustrationAlt: next.illustrationAlt,
    },
  };
}

export type ResultsPage = {
  code: string;
  title: string;
  schoolName: string;
  masteryRate: number;
  answeredCount: number;
  correctCount: number;
  competences: CompetenceResult[];
  missed: MissedQuestion[];
  sharedAt: Date | null;
};

export async function loadResultsPage(rawCode: string): Promise<Routed<ResultsPage>> {
  const loaded = await loadView(rawCode);
  if (loaded.kind !== "page") return loaded;
  const { code, view } = loaded;
  const { participation } = view;
  if (participation.status === "STARTED" || !participation.results) return { kind: "redirect", to: questionPath(code) };
  const results = participation.results;
  return {
    kind: "page",
    code,
    title: view.campaign.title,
    schoolName: view.campaign.schoolName,
    masteryRate: results.masteryRate,
    answeredCount: results.answeredCount,
    correctCount: results.correctCount,
    competences: results.competences,
    missed: describeMissedQuestions(view.campaign.snapshot, results, participation.answers),
    sharedAt: participation.status === "SHARED" ? participation.sharedAt : null,
  };
}

export type ProfilePage = {
  /** The best recent level per competence (profile.ts), in competence order. */
  levels: KnownLevel[];
  nextSteps: NextStep[];
};

/**
 * *Mon profil*: the signed-in student's levels from their completed campaigns of the last 12
 * months, in every school their account is linked to. Student side only: Orga never reads it.
 */
export async function loadProfilePage(now = new Date()): Promise<ProfilePage | null> {
  const student = await getStudentContext();
  if (!student) return null;
  const levels = computeProfile(await listCompletedResults(student.userId), now);
  return { levels, nextSteps: suggestNextSteps(levels) };
}
