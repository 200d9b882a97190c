/** Shared content types: the parcours feature owns them; campaigns and the runner read them. */

export type ChallengeType = "QCU" | "QCM" | "QROC";

/**
 * One question as frozen into a campaign when it is created (`Campaign.challengeSnapshot` is a
 * `CampaignSnapshot`). Content edits after that never reach a running campaign.
 */
export type ChallengeSnapshot = {
  id: string;
  competenceId: string;
  skill: string;
  /** Difficulty 1–6. */
  level: number;
  type: ChallengeType;
  statement: string;
  proposals: { id: string; label: string }[];
  /** QCU: [choiceId]; QCM: every right choiceId; QROC: accepted variants. */
  answerKey: string[];
  explanation: string;
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
  challengeCount: number;
};
