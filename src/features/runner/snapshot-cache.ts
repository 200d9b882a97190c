import type { CampaignSnapshot } from "@/features/parcours/types";

/**
 * The campaigns' frozen question sets, kept in this process once read. A snapshot is written
 * when its campaign is created and never changed (docs/decisions/022), and it is content, not
 * personal data: caching it per process is safe with any number of instances, unlike sessions,
 * throttles or locks, which live in PostgreSQL. It spares every question page and every answer
 * reading, sending and parsing 50–215 KB of JSON (docs/benchmarks.md, "The answer path").
 *
 * Keyed by campaign code, as the runner looks campaigns up; the entry holds the campaign's id, so
 * that a code given to another campaign later (a deleted one's) is never served the old set.
 * Bounded by the snapshots' JSON size, least recently used out first.
 */
type Entry = { campaignId: number; snapshot: CampaignSnapshot; size: number };

export class SnapshotCache {
  private readonly entries = new Map<string, Entry>();
  private size = 0;

  constructor(private readonly maxSize: number) {}

  /** The snapshot cached for this code, if any, with the campaign it belongs to. */
  peek(code: string): { campaignId: number; snapshot: CampaignSnapshot } | undefined {
    const entry = this.entries.get(code);
    if (!entry) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(code);
    this.entries.set(code, entry);
    return { campaignId: entry.campaignId, snapshot: entry.snapshot };
  }

  /** Keeps a snapshot read from the database; frozen, since every request shares it. */
  remember(code: string, campaignId: number, snapshot: CampaignSnapshot): CampaignSnapshot {
    const size = JSON.stringify(snapshot).length;
    if (size > this.maxSize) return snapshot;
    this.forget(code);
    const frozen = deepFreeze(snapshot);
    this.entries.set(code, { campaignId, snapshot: frozen, size });
    this.size += size;
    for (const [oldest, entry] of this.entries) {
      if (this.size <= this.maxSize) break;
      this.entries.delete(oldest);
      this.size -= entry.size;
    }
    return frozen;
  }

  forget(code: string): void {
    const entry = this.entries.get(code);
    if (!entry) return;
    this.entries.delete(code);
    this.size -= entry.size;
  }

  get cachedSize(): number {
    return this.size;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** 32 MB of JSON: a few hundred campaigns of the largest parcours; ~100 MB of heap at most. */
export const snapshotCache = new SnapshotCache(32 * 1024 * 1024);
