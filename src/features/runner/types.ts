export type AnswerResult = "OK" | "KO" | "SKIPPED";

/** One answer of a participation, in the order given (the order drives the adaptive choice). */
export type AnswerRecord = { challengeId: string; result: AnswerResult };

export type CompetenceResult = {
  competenceId: string;
  name: string;
  areaCode: string;
  /** 0 when no question of the competence was answered right. */
  levelReached: number;
  /** The highest level the campaign's questions reach for this competence. */
  maxLevel: number;
  /** Questions of the campaign held as acquired (answered right, or below the level reached). */
  acquiredCount: number;
  totalCount: number;
  /** acquiredCount / totalCount, in [0, 1]. */
  masteryRate: number;
  answeredCount: number;
  correctCount: number;
};

/** What `Participation.results` holds: computed at the end, frozen once shared. */
export type ParticipationResults = {
  version: 1;
  masteryRate: number;
  answeredCount: number;
  correctCount: number;
  competences: CompetenceResult[];
  /** Questions answered wrong or skipped, in the order they were met. */
  missedChallengeIds: string[];
};

export type Progress = {
  answeredCount: number;
  /** "Question 4 sur environ 15": an estimate that never falls below the current question. */
  estimatedTotal: number;
};

/** A question as the browser receives it: never the answer key nor the explanation. */
export type QuestionView = {
  id: string;
  type: "QCU" | "QCM" | "QROC";
  statement: string;
  proposals: { id: string; label: string }[];
  illustrationUrl: string | null;
  illustrationAlt: string | null;
};

/** A question the student missed, as the results page explains it. */
export type MissedQuestion = {
  challengeId: string;
  competenceName: string;
  statement: string;
  wasSkipped: boolean;
  /** The student's answer in words (proposal labels or the typed text); empty when skipped. */
  givenAnswer: string[];
  /** Right proposal labels (QCU/QCM) or the first accepted variant (QROC). */
  rightAnswer: string[];
  isTyped: boolean;
  explanation: string;
};
