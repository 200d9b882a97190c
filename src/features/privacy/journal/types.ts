/** One audit entry as the Journal shows it: ids and counts, the staff member's name, never a pupil's. */
export type JournalEntry = {
  id: number;
  createdAt: Date;
  action: string;
  actor: { firstName: string; lastName: string } | null;
  /** The role written in the entry (staff reads), else the actor's current role in the school. */
  role: string | null;
  targetType: string | null;
  targetId: string | null;
  /** Rows read (staff reads) or counts the entry holds. */
  count: number | null;
};

export type JournalPage = { rows: JournalEntry[]; total: number; page: number; pageCount: number };
