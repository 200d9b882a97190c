export type ClassCampaign = { id: number; name: string; code: string };

export type ClassSummary = {
  division: string;
  learnerCount: number;
  joinedCount: number;
  campaigns: ClassCampaign[];
};
