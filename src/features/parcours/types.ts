/** Shared content types: the parcours feature owns them; campaigns and the runner read them. */

/**
 * QCU one choice, QCM several, QROC one typed answer, QROCM several typed fields in one question
 * (all right = right), QCU_IMAGE one choice among images.
 */
export type ChallengeType = "QCU" | "QCM" | "QROC" | "QROCM" | "QCU_IMAGE";

/**
 * A proposal: a choice (QCU, QCM, QCU_IMAGE) or, for a QROCM, one field to fill (in the order the
 * author wrote them: never shuffled). For QCU_IMAGE the label is the image's text alternative,
 * which is also the choice's accessible name.
 */
export type Proposal = { id: string; label: string; imageUrl?: string };

/**
 * One question as frozen into a campaign when it is created (`Campaign.challengeSnapshot` is a
 * `CampaignSnapshot`). Content edits after that never reach a running campaign.
 */
export type ChallengeSnapshot = {
  id: string;
  competenceId: string;
  /** The acquis, `@tubeN`: questions with the same skill are equivalent variants of it (variants.ts). */
  skill: string;
  /** Difficulty 1–8. */
  level: number;
  type: ChallengeType;
  statement: string;
  proposals: Proposal[];
  /** QCU, QCU_IMAGE: [choiceId]; QCM: every right choiceId; QROC: accepted variants; QROCM: []. */
  answerKey: string[];
  /** QROCM only: accepted answers per field (proposal) id; absent or {} for the other types. */
  fieldAnswers?: Record<string, string[]>;
  explanation: string;
  /** "Pour aller plus loin"; absent from snapshots frozen before it existed, null when none. */
  furtherReading?: string | null;
  illustrationUrl: string | null;
  illustrationAlt: string | null;
};

export type CampaignSnapshot = {
  targetProfileId: string;
  competences: { id: string; name: string; areaCode: string }[];
  challenges: ChallengeSnapshot[];
};

export type Area = { code: string; name: string };

export type Competence = { id: string; areaCode: string; name: string };

/** A parcours as authored in `content/parcours.json`, with "all" resolved to every question. */
export type Parcours = {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  competenceIds: string[];
  /** Target level per competence id. */
  targetLevels: Record<string, number>;
  /** In the order the parcours lists them (the order of `TargetProfileChallenge.position`). */
  challengeIds: string[];
};

/** The whole question bank once validated: what `loadContent` writes to the database. */
export type Content = {
  areas: Area[];
  competences: Competence[];
  challenges: ChallengeSnapshot[];
  parcours: Parcours[];
};

/** A parcours as the campaign-creation picker shows it. */
export type TargetProfileSummary = {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  competences: Competence[];
  /** Target level per competence id (empty for a parcours loaded before target levels). */
  targetLevels: Record<string, number>;
  challengeCount: number;
};

// ── Walking a snapshot: answers, progress and results (the runner writes them, campaigns reads them) ──

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
  /** Skills of the campaign held as acquired (answered right, or below the level reached); one skill counts once whatever its variants. */
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
