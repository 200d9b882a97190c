import { describe, expect, it } from "vitest";

import { bindNamedParameters } from "./named-parameters";

const types = { learnerId: "int", ine: "text", at: "timestamp", hashes: "text[]" };

describe("bindNamedParameters", () => {
  it("numbers each parameter once, in order of first use, and keeps casts", () => {
    const bound = bindNamedParameters(
      "id = :learnerId AND target_id = :learnerId::text AND e->>'x' = :ine AND h = ANY(:hashes)",
      { learnerId: 7, ine: "123", at: new Date(0), hashes: ["a"] },
      types,
    );
    expect(bound.sql).toBe("id = $1::int AND target_id = $1::int::text AND e->>'x' = $2::text AND h = ANY($3::text[])");
    expect(bound.values).toEqual([7, "123", ["a"]]);
  });

  it("writes dates as UTC timestamps without a zone", () => {
    const bound = bindNamedParameters(
      "created_at >= :at",
      { learnerId: 1, ine: "", at: new Date("2026-12-02T10:00:00Z"), hashes: [] },
      types,
    );
    expect(bound.values).toEqual(["2026-12-02T10:00:00.000"]);
  });

  it("refuses a parameter it does not know", () => {
    expect(() =>
      bindNamedParameters("x = :nope", { learnerId: 1, ine: "", at: new Date(), hashes: [] }, types),
    ).toThrow(":nope");
  });
});
