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
  /** "Pour aller plus loin", when the question has one. */
  furtherReading: string | null;
};
