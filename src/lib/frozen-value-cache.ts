/**
 * A per-process cache of values that never change once written (docs/decisions/004: only
 * immutable data may be cached in process memory; sessions, throttles and locks live in
 * PostgreSQL). Each entry records the id of the row it was read from, so that a key given to
 * another row later is never served the old value. Bounded by the values' JSON size, least
 * recently used out first; values are deep-frozen, since every request shares them.
 *
 * Used for the campaigns' question sets (`features/runner/data.ts`).
 */
type Entry<T> = { ownerId: number; value: T; size: number };

export class FrozenValueCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private size = 0;

  constructor(private readonly maxSize: number) {}

  /** The value cached for this key, if any, with the id of the row it belongs to. */
  peek(key: string): { ownerId: number; value: T } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { ownerId: entry.ownerId, value: entry.value };
  }

  /** Keeps a value read from the database, frozen; gives back what callers should use. */
  remember(key: string, ownerId: number, value: T): T {
    const size = JSON.stringify(value).length;
    if (size > this.maxSize) return value;
    this.forget(key);
    const frozen = deepFreeze(value);
    this.entries.set(key, { ownerId, value: frozen, size });
    this.size += size;
    for (const [oldest, entry] of this.entries) {
      if (this.size <= this.maxSize) break;
      this.entries.delete(oldest);
      this.size -= entry.size;
    }
    return frozen;
  }

  forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
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
