import type { AbilityActor } from "@/lib/abilities";
import type { ParticipationStatusName } from "./domain/activity";
import type { ResultCompetence } from "./domain/participant-result";

/** The member acting on campaigns, as the session gate resolved them for the current school. */
export type CampaignActor = AbilityActor;

export type PersonName = { id: number; firstName: string; lastName: string };

export type CampaignDetail = {
  id: number;
  name: string;
  code: string;
  division: string | null;
  targetProfile: { id: string; name: string };
  owner: PersonName;
  creator: PersonName;
  title: string | null;
  customLandingText: string | null;
  archivedAt: Date | null;
  createdAt: Date;
};

export type CampaignListItem = {
  id: number;
  name: string;
  code: string;
  division: string | null;
  targetProfileName: string;
  owner: PersonName;
  createdAt: Date;
  archivedAt: Date | null;
  participantCount: number;
  sharedCount: number;
};

export type CampaignListPage = { rows: CampaignListItem[]; total: number; page: number; pageCount: number };

export type ActivityParticipant = {
  participationId: number;
  learnerId: number;
  firstName: string;
  lastName: string;
  division: string;
  status: ParticipationStatusName;
  /** 0–100. */
  progress: number;
  /** In [0, 1], only once shared. */
  masteryRate: number | null;
  startedAt: Date;
};

export type NotJoinedLearner = { id: number; firstName: string; lastName: string; division: string };

export type CampaignActivity = {
  counts: Record<ParticipationStatusName, number> & { total: number };
  participants: ActivityParticipant[];
  /** Null for a school-wide campaign: there is no class to compare with. */
  notJoined: NotJoinedLearner[] | null;
};

export type OwnerChoice = { userId: number; firstName: string; lastName: string };

export type SheetClass = { division: string; learners: { id: number; firstName: string; lastName: string }[] };

export type CampaignSheet = {
  schoolName: string;
  campaignName: string;
  code: string;
  /** Archived: no sheet is offered (the campaign cannot be joined), `classes` is empty. */
  isArchived: boolean;
  classes: SheetClass[];
};

export type CompetenceRef = { id: string; name: string };

export type ResultRow = {
  participationId: number;
  learnerId: number;
  firstName: string;
  lastName: string;
  division: string;
  status: ParticipationStatusName;
  /** 0–100. */
  progress: number;
  sharedAt: Date | null;
  /** Rates in [0, 1]. */
  masteryRate: number | null;
  competenceRates: Record<string, number | undefined>;
};

export type CampaignResults = {
  competences: CompetenceRef[];
  rows: ResultRow[];
  /** The class's learners with no participation, when the status filter shows them. */
  notStarted: NotJoinedLearner[];
  averages: { count: number; masteryRate: number | null; competenceRates: Record<string, number | null> };
};

export type ExportRow = {
  lastName: string;
  firstName: string;
  division: string;
  /** Null unless the export includes the INE (ADMIN). */
  ine: string | null;
  status: ParticipationStatusName | "NOT_STARTED";
  progress: number;
  startedAt: Date | null;
  sharedAt: Date | null;
  results: { masteryRate: number | null; competenceRates: Record<string, number | undefined> } | null;
};

export type CampaignExport = {
  campaignName: string;
  code: string;
  targetProfileName: string;
  /** Whether the INE column is there (ADMIN). */
  includeIne: boolean;
  competences: CompetenceRef[];
  rows: ExportRow[];
};

/** /orga/campagnes/[id]/participants/[participationId]: one student's result in the campaign. */
export type ParticipantResultDetail = {
  participationId: number;
  campaign: { id: number; name: string; code: string; ownerId: number; isArchived: boolean };
  learner: { id: number; firstName: string; lastName: string; division: string };
  status: ParticipationStatusName;
  /** 0–100. */
  progress: number;
  startedAt: Date;
  completedAt: Date | null;
  sharedAt: Date | null;
  /** An earlier attempt replaced by a retry (docs/decisions/014). */
  isEarlierAttempt: boolean;
  /** Only once shared (as in Pix): before that the school sees progress only. */
  shared: {
    masteryRate: number;
    answeredCount: number;
    correctCount: number;
    competences: ResultCompetence[];
  } | null;
};
