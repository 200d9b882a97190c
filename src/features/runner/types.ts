import type { ChallengeType } from "@/features/parcours/types";

/** A question as the browser receives it: never the answer key nor the explanation. */
export type QuestionView = {
  id: string;
  type: ChallengeType;
  statement: string;
  /** Choices, or a QROCM's fields in their order; `imageUrl` on a QCU_IMAGE's choices. */
  proposals: { id: string; label: string; imageUrl?: string }[];
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
  /** A QROCM field by field: what was typed, the first accepted answer, whether it was right. */
  fields: { label: string; given: string; expected: string; isRight: boolean }[] | null;
  explanation: string;
  /** "Pour aller plus loin", when the question has one. */
  furtherReading: string | null;
};
