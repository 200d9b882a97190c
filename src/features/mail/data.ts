import "server-only";

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { isOutboxEntryId, outboxFileName, parseOutboxEntry } from "./domain/outbox-entry";
import { outboxDirectory } from "./mutations";
import type { OutboxEntry } from "./types";

/** The newest messages of the local outbox first. */
export async function listOutboxEntries(limit = 100): Promise<OutboxEntry[]> {
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
    .reverse()
    .slice(0, limit);
  const entries = await Promise.all(ids.map(readOutboxEntry));
  return entries.filter((entry): entry is OutboxEntry => entry !== null);
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
