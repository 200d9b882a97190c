import "server-only";

import { memberOrRedirect } from "@/lib/session";

import { listJournal, listJournalActions } from "./data";
import { journalQuerySchema, type JournalQuery } from "./schema";

const NO_FILTER: JournalQuery = { action: "", from: "", to: "", page: 1 };

/** /orga/journal: ADMINs only (a 404 for MEMBERs). A malformed filter is said, and not applied. */
export async function loadJournalPage(searchParams: Record<string, string | string[] | undefined>) {
  const member = await memberOrRedirect({ ability: "audit:view" });
  const parsed = journalQuerySchema.safeParse(searchParams);
  const query = parsed.success ? parsed.data : NO_FILTER;
  const errors = parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => issue.message))];
  const raw = (key: string) => {
    const value = searchParams[key];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  const [page, actions] = await Promise.all([
    listJournal(member.school.id, query),
    listJournalActions(member.school.id),
  ]);
  return { page, actions, query, errors, typed: { action: raw("action"), from: raw("from"), to: raw("to") } };
}
