import { describe, expect, it } from "vitest";

import type { CampaignSnapshot } from "@/features/parcours/types";
import { SnapshotCache } from "./snapshot-cache";

const snapshot = (label: string) => ({ label, challenges: [{ id: `${label}-1` }] }) as unknown as CampaignSnapshot;
const sizeOf = (value: unknown) => JSON.stringify(value).length;

describe("SnapshotCache", () => {
  it("gives back what it remembered, for the same code, with its campaign", () => {
    const cache = new SnapshotCache(10_000);
    cache.remember("ABCDEF123", 7, snapshot("a"));
    expect(cache.peek("ABCDEF123")).toEqual({ campaignId: 7, snapshot: snapshot("a") });
    expect(cache.peek("ZZZZZZ999")).toBeUndefined();
  });

  it("freezes what it shares between requests", () => {
    const cache = new SnapshotCache(10_000);
    const kept = cache.remember("ABCDEF123", 7, snapshot("a")) as unknown as { challenges: { id: string }[] };
    expect(() => kept.challenges.push({ id: "x" })).toThrow(TypeError);
    expect(() => {
      kept.challenges[0]!.id = "x";
    }).toThrow(TypeError);
  });

  it("drops the least recently used snapshots beyond its size", () => {
    const one = sizeOf(snapshot("a"));
    const cache = new SnapshotCache(one * 2);
    cache.remember("AAAAAA111", 1, snapshot("a"));
    cache.remember("BBBBBB222", 2, snapshot("b"));
    cache.peek("AAAAAA111");
    cache.remember("CCCCCC333", 3, snapshot("c"));
    expect(cache.peek("BBBBBB222")).toBeUndefined();
    expect(cache.peek("AAAAAA111")?.campaignId).toBe(1);
    expect(cache.peek("CCCCCC333")?.campaignId).toBe(3);
    expect(cache.cachedSize).toBe(one * 2);
  });

  it("replaces the entry of a code given to another campaign, and keeps nothing larger than itself", () => {
    const cache = new SnapshotCache(sizeOf(snapshot("a")) * 2);
    cache.remember("AAAAAA111", 1, snapshot("a"));
    cache.remember("AAAAAA111", 9, snapshot("b"));
    expect(cache.peek("AAAAAA111")).toEqual({ campaignId: 9, snapshot: snapshot("b") });
    expect(cache.cachedSize).toBe(sizeOf(snapshot("b")));
    const huge = { challenges: "x".repeat(1000) } as unknown as CampaignSnapshot;
    expect(cache.remember("HHHHHH999", 4, huge)).toBe(huge);
    expect(cache.peek("HHHHHH999")).toBeUndefined();
  });
});
