import type { SearchMatchReason } from "./domain/name-search";

export type LearnerConnection = "GAR" | "NONE";

export type LearnerRow = {
  id: number;
  firstName: string;
  /** The usage name when there is one, else the birth name. */
  lastName: string;
  /** The birth (SIECLE family) name, when the usage name shown differs from it. */
  birthLastName: string | null;
  /** Why the search found this row, when its shown names do not say it (empty without a search). */
  matchedBy: SearchMatchReason[];
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

export type LearnerParticipationStatus = "STARTED" | "TO_SHARE" | "SHARED";

/** One participation of the learner in a campaign of the school, as the learner page lists it. */
export type LearnerParticipation = {
  participationId: number;
  campaignId: number;
  campaignName: string;
  campaignCode: string;
  status: LearnerParticipationStatus;
  /** 0–100; 100 once finished. */
  progress: number;
  /** In [0, 1], only once the learner shared their results (as in Pix). */
  masteryRate: number | null;
  startedAt: Date;
  sharedAt: Date | null;
  /** An earlier attempt, replaced by a retry (docs/decisions/014); kept in the history. */
  isEarlierAttempt: boolean;
};

/** The learner page (/orga/eleves/[id]): identity, connection, participations. */
export type LearnerDetail = {
  id: number;
  firstName: string;
  middleName: string | null;
  thirdName: string | null;
  lastName: string;
  /** The usage name when it differs from the birth name. */
  preferredLastName: string | null;
  /** `YYYY-MM-DD`. */
  birthdate: string;
  division: string;
  isDisabled: boolean;
  /** Every character but the last two hidden; the full INE needs `learners:reveal-ine`. */
  maskedIne: string;
  hasJoined: boolean;
  connection: LearnerConnection;
  lastConnectionAt: Date | null;
  participations: LearnerParticipation[];
};
