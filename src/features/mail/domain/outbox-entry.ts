import type { OutboxEntry } from "../types";

/**
 * Outbox files are named so that a plain directory listing sorts them by time, and so that an id
 * taken from a URL can never name a path outside the outbox.
 */
const ID_PATTERN = /^\d{8}T\d{9}Z-[a-f0-9]{12}$/;

export function outboxEntryId(now: Date, randomHex: string): string {
  const stamp = now.toISOString().replace(/[-:.]/g, "");
  return `${stamp}-${randomHex.slice(0, 12).toLowerCase()}`;
}

export function isOutboxEntryId(id: string): boolean {
  return ID_PATTERN.test(id);
}

export function outboxFileName(id: string): string {
  return `${id}.json`;
}

export function serializeOutboxEntry(entry: OutboxEntry): string {
  return `${JSON.stringify(entry, null, 2)}\n`;
}

export function parseOutboxEntry(raw: string): OutboxEntry | null {
  try {
    const value = JSON.parse(raw) as Partial<OutboxEntry>;
    if (
      typeof value.id === "string" &&
      typeof value.to === "string" &&
      typeof value.subject === "string" &&
      typeof value.text === "string" &&
      typeof value.createdAt === "string"
    ) {
      return { id: value.id, to: value.to, subject: value.subject, text: value.text, createdAt: value.createdAt };
    }
    return null;
  } catch {
    return null;
  }
}

/** The http(s) links in a message, so the outbox page can make them clickable. */
export function extractLinks(text: string): string[] {
  return Array.from(text.matchAll(/https?:\/\/[^\s<>"')]+/g), (match) => match[0]);
}
