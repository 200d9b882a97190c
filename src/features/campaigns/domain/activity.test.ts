import { describe, expect, it } from "vitest";
import { countByStatus, joinedRatio } from "./activity";

describe("countByStatus", () => {
  it("counts every status and the total", () => {
    expect(countByStatus(["STARTED", "SHARED", "STARTED", "TO_SHARE"])).toEqual({
      STARTED: 2,
      TO_SHARE: 1,
      SHARED: 1,
      total: 4,
    });
    expect(countByStatus([])).toEqual({ STARTED: 0, TO_SHARE: 0, SHARED: 0, total: 0 });
  });
});

describe("joinedRatio", () => {
  it("formats the ratio and rounds the percentage", () => {
    expect(joinedRatio(18, 27)).toEqual({ label: "18 / 27", percent: 67 });
    expect(joinedRatio(0, 0)).toEqual({ label: "0 / 0", percent: 0 });
  });
});
