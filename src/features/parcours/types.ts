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
