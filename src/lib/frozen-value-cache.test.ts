import { describe, expect, it } from "vitest";

import { FrozenValueCache } from "./frozen-value-cache";

type Snapshot = { label?: string; challenges: unknown };
const snapshot = (label: string): Snapshot => ({ label, challenges: [{ id: `${label}-1` }] });
const sizeOf = (value: unknown) => JSON.stringify(value).length;

describe("FrozenValueCache", () => {
  it("gives back what it remembered, for the same code, with its campaign", () => {
    const cache = new FrozenValueCache<Snapshot>(10_000);
    cache.remember("ABCDEF123", 7, snapshot("a"));
    expect(cache.peek("ABCDEF123")).toEqual({ ownerId: 7, value: snapshot("a") });
    expect(cache.peek("ZZZZZZ999")).toBeUndefined();
  });

  it("freezes what it shares between requests", () => {
    const cache = new FrozenValueCache<Snapshot>(10_000);
    const kept = cache.remember("ABCDEF123", 7, snapshot("a")) as { challenges: { id: string }[] };
    expect(() => kept.challenges.push({ id: "x" })).toThrow(TypeError);
    expect(() => {
      kept.challenges[0]!.id = "x";
    }).toThrow(TypeError);
  });

  it("drops the least recently used snapshots beyond its size", () => {
    const one = sizeOf(snapshot("a"));
    const cache = new FrozenValueCache<Snapshot>(one * 2);
    cache.remember("AAAAAA111", 1, snapshot("a"));
    cache.remember("BBBBBB222", 2, snapshot("b"));
    cache.peek("AAAAAA111");
    cache.remember("CCCCCC333", 3, snapshot("c"));
    expect(cache.peek("BBBBBB222")).toBeUndefined();
    expect(cache.peek("AAAAAA111")?.ownerId).toBe(1);
    expect(cache.peek("CCCCCC333")?.ownerId).toBe(3);
    expect(cache.cachedSize).toBe(one * 2);
  });

  it("replaces the entry of a code given to another campaign, and keeps nothing larger than itself", () => {
    const cache = new FrozenValueCache<Snapshot>(sizeOf(snapshot("a")) * 2);
    cache.remember("AAAAAA111", 1, snapshot("a"));
    cache.remember("AAAAAA111", 9, snapshot("b"));
    expect(cache.peek("AAAAAA111")).toEqual({ ownerId: 9, value: snapshot("b") });
    expect(cache.cachedSize).toBe(sizeOf(snapshot("b")));
    const huge: Snapshot = { challenges: "x".repeat(1000) };
    expect(cache.remember("HHHHHH999", 4, huge)).toBe(huge);
    expect(cache.peek("HHHHHH999")).toBeUndefined();
  });
});
