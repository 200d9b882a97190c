import "server-only";

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { isOutboxEntryId, outboxFileName, parseOutboxEntry } from "./domain/outbox-entry";
import { outboxDirectory } from "./mutations";
import type { OutboxEntry } from "./types";

/** The newest messages of the local outbox first; `to` keeps one recipient's messages only. */
export async function listOutboxEntries(limit = 100, filter: { to?: string } = {}): Promise<OutboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(outboxDirectory());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const ids = names
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .filter(isOutboxEntryId)
    .sort()
    .reverse();
  const kept: OutboxEntry[] = [];
  // Read newest first until `limit` messages are kept: a recipient's mail may be anywhere.
  for (let start = 0; start < ids.length && kept.length < limit; start += limit) {
    const entries = await Promise.all(ids.slice(start, start + limit).map(readOutboxEntry));
    for (const entry of entries) {
      if (entry === null) continue;
      if (filter.to !== undefined && entry.to.toLowerCase() !== filter.to) continue;
      if (kept.length < limit) kept.push(entry);
    }
  }
  return kept;
}

export async function readOutboxEntry(id: string): Promise<OutboxEntry | null> {
  if (!isOutboxEntryId(id)) return null;
  try {
    return parseOutboxEntry(await readFile(path.join(outboxDirectory(), outboxFileName(id)), "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
