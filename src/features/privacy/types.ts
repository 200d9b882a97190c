/** Who asks: a staff member of the school (Orga), or the operator (CLI, on the Ministry's or the school's request). */
export type PrivacyActor = { userId: number; role: "ADMIN" | "MEMBER" } | "operator";

/** Everything stored about one learner, per table of the inventory (exported columns only). */
export type LearnerExport = {
  format: "pix-orga/learner-export/1";
  exportedAt: string;
  schoolId: number;
  learnerId: number;
  tables: Record<string, Record<string, unknown>[]>;
};

/** What an erasure did, in counts (what the audit entry keeps). */
export type ErasureOutcome = {
  learnerId: number;
  accountErased: boolean;
  rows: Record<string, number>;
};

/** The learner named on the erasure confirmation page. */
export type ErasureCandidate = {
  id: number;
  firstName: string;
  lastName: string;
  birthdate: string;
  division: string;
  participationCount: number;
  hasAccount: boolean;
};

/** What the operator of this instance declares for the legal pages; null when not configured. */
export type LegalDetails = {
  publisher: string | null;
  publicationDirector: string | null;
  host: string | null;
  privacyContact: string | null;
  supportContact: string | null;
};
