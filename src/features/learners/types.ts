export type LearnerConnection = "GAR" | "NONE";

export type LearnerRow = {
  id: number;
  firstName: string;
  lastName: string;
  /** Date only, `YYYY-MM-DD`: a birth date has no time zone. */
  birthdate: string;
  division: string;
  hasJoined: boolean;
  connection: LearnerConnection;
  participationCount: number;
  lastParticipationAt: Date | null;
};

export type LearnerPage = {
  rows: LearnerRow[];
  total: number;
  page: number;
  pageCount: number;
};

/** One IDO replacement (accepted) or refused replacement of a learner's account, for the ADMINs. */
export type IdoReplacementRow = {
  id: number;
  at: Date;
  accepted: boolean;
  reason: "NAMES_DIFFER" | "UAI_MISMATCH" | "IDO_OWNS_OTHER_ACCOUNT" | null;
  /** Null when the learner row is gone. */
  learner: { id: number; firstName: string; lastName: string; division: string; isLinked: boolean } | null;
};
