/** A learner of the class who has not joined the campaign yet, as the list to chase them shows it. */
export type NotJoinedEntry = {
  id: number;
  lastName: string;
  firstName: string;
  division: string;
  /** YYYY-MM-DD (a calendar day, no time zone). */
  birthdate: string;
  /** Whether the learner ever arrived in Pix through the GAR (an account with a GAR method is linked). */
  hasSignedInWithGar: boolean;
};

/** /orga/campagnes/[id]/pas-encore-rejoint and its CSV. */
export type NotJoinedList = {
  schoolName: string;
  campaign: { id: number; name: string; code: string; division: string | null; isArchived: boolean };
  /** Null for a school-wide campaign: no class to compare with (as on the Activité tab). */
  learners: NotJoinedEntry[] | null;
};
