import "server-only";

import { areDevPagesEnabled, env } from "@/lib/env";

import { listOutboxEntries } from "./data";
import { extractLinks } from "./domain/outbox-entry";

/**
 * The local outbox, for development and tests only: it shows one-time links meant for other
 * people's mailboxes, so production refuses it unless ENABLE_DEV_PAGES=1.
 */
export async function loadOutboxPage() {
  if (!areDevPagesEnabled()) return null;
  const entries = await listOutboxEntries();
  return {
    usesSmtp: Boolean(env().SMTP_URL),
    entries: entries.map((entry) => ({ ...entry, links: extractLinks(entry.text) })),
  };
}
