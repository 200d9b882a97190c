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
