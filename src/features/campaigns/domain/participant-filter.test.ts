import { describe, expect, it } from "vitest";

import { participantFilterSchema } from "../schema";
import { filterNotStarted, filterParticipants } from "./participant-filter";

const row = (
  lastName: string,
  division: string,
  status: "STARTED" | "TO_SHARE" | "SHARED",
  masteryRate: number | null,
) => ({
  firstName: "Élève",
  lastName,
  division,
  status,
  masteryRate,
});

const rows = [
  row("ZOLA", "6E A", "SHARED", 0.4),
  row("ÉMERY", "6E B", "SHARED", 0.9),
  row("BERNARD", "6E A", "STARTED", null),
  row("ADAM", "6E A", "TO_SHARE", null),
  row("DURAND", "6E B", "SHARED", 0.4),
];

const filter = (params: Record<string, string>, defaultStatus?: "all" | "shared") =>
  participantFilterSchema(defaultStatus).parse(params);
const names = (list: { lastName: string }[]) => list.map((item) => item.lastName);

describe("filterParticipants", () => {
  it("sorts by name in French order by default (É with E)", () => {
    expect(names(filterParticipants(rows, filter({})))).toEqual(["ADAM", "BERNARD", "DURAND", "ÉMERY", "ZOLA"]);
  });

  it("keeps one class, and one status", () => {
    expect(names(filterParticipants(rows, filter({ division: "6E A" })))).toEqual(["ADAM", "BERNARD", "ZOLA"]);
    expect(names(filterParticipants(rows, filter({ status: "in-progress" })))).toEqual(["BERNARD"]);
    expect(names(filterParticipants(rows, filter({ status: "finished" })))).toEqual(["ADAM"]);
    expect(names(filterParticipants(rows, filter({ status: "shared", division: "6E B" })))).toEqual([
      "DURAND",
      "ÉMERY",
    ]);
    expect(filterParticipants(rows, filter({ status: "not-started" }))).toEqual([]);
  });

  it("sorts by mastery, highest first, ties by name, no shared result last", () => {
    expect(names(filterParticipants(rows, filter({ sort: "mastery" })))).toEqual([
      "ÉMERY",
      "DURAND",
      "ZOLA",
      "ADAM",
      "BERNARD",
    ]);
  });

  it("falls back to the tab's default on unexpected parameters", () => {
    expect(filter({ status: "nimporte", sort: "x" }, "shared")).toEqual({
      division: "",
      status: "shared",
      sort: "name",
    });
    expect(filter({}, "shared").status).toBe("shared");
    expect(filter({ status: "all" }, "shared").status).toBe("all");
  });
});

describe("filterNotStarted", () => {
  const notStarted = [
    { firstName: "Léa", lastName: "MARTIN", division: "6E A" },
    { firstName: "Noé", lastName: "ABEL", division: "6E A" },
  ];
  it("shows the class's learners with no participation for Tous and Pas commencé, sorted by name", () => {
    expect(names(filterNotStarted(notStarted, filter({})))).toEqual(["ABEL", "MARTIN"]);
    expect(names(filterNotStarted(notStarted, filter({ status: "not-started" })))).toEqual(["ABEL", "MARTIN"]);
    expect(filterNotStarted(notStarted, filter({ status: "shared" }))).toEqual([]);
    expect(filterNotStarted(notStarted, filter({ division: "6E B" }))).toEqual([]);
  });
});
