import { describe, expect, it } from "vitest";

import type { SchoolSubscriptionView } from "@/features/gar-subscriptions/types";

import type { ReadinessFacts } from "../types";
import { buildChecklist, groupPendingLearners, shouldShowRentreeBanner } from "./checklist";

const now = new Date("2026-12-03T10:00:00Z");
const empty: ReadinessFacts = {
  activation: { at: new Date("2026-11-20T10:00:00Z"), by: "Claire Durand" },
  lastImport: null,
  subscriptionsManaged: true,
  subscription: null,
  enabledLearnerCount: 0,
  pendingLearners: [],
  classes: [],
  classesWithActiveCampaign: [],
};
const active: SchoolSubscriptionView = {
  subscriptionId: "PIX-0999001W-1",
  uai: "0999001W",
  schoolYear: 2026,
  startsOn: "2026-11-20",
  endYear: 2027,
  targetAudience: ["ELEVE"],
  desiredPresent: true,
  status: "ACTIVE",
  lastErrorCode: null,
  lastCallAt: now,
  nextAttemptAt: null,
  failures: 0,
};
const states = (facts: ReadinessFacts, at = now) =>
  Object.fromEntries(buildChecklist(facts, at).map((line) => [line.id, line.state]));
const learner = (id: number, division: string, isNewcomer = false) => ({
  id,
  firstName: `P${id}`,
  lastName: `N${id}`,
  division,
  isNewcomer,
});

describe("the readiness checklist", () => {
  it("goes from red to green through import, subscription, campaigns and a first student", () => {
    expect(states(empty)).toEqual({
      activation: "done",
      import: "todo",
      subscription: "todo",
      assignment: "todo",
      campaigns: "todo",
    });
    const imported = {
      ...empty,
      lastImport: { at: now, by: "Claire Durand" },
      enabledLearnerCount: 1,
      pendingLearners: [learner(1, "6E A")],
      classes: ["6E A"],
    };
    expect(states(imported)).toMatchObject({ import: "done", assignment: "todo", campaigns: "todo" });
    const ready = {
      ...imported,
      subscription: active,
      classesWithActiveCampaign: ["6E A"],
      pendingLearners: [],
    };
    expect(Object.values(states(ready))).toEqual(["done", "done", "done", "done", "done"]);
  });

  it("warns about a base older than the rentrée, or than 30 days in September–October", () => {
    const old = { ...empty, lastImport: { at: new Date("2026-06-15T10:00:00Z"), by: null } };
    expect(states(old).import).toBe("warning");
    const september = { ...empty, lastImport: { at: new Date("2026-09-02T10:00:00Z"), by: null } };
    expect(states(september, new Date("2026-10-01T10:00:00Z")).import).toBe("done");
    expect(states(september, new Date("2026-10-15T10:00:00Z")).import).toBe("warning");
    expect(states(september, new Date("2026-11-15T10:00:00Z")).import).toBe("done");
  });

  it("says the subscription's failure in words, with the retry as the action", () => {
    const failed = {
      ...empty,
      subscription: { ...active, status: "FAILED" as const, lastErrorCode: "HTTP_5XX", nextAttemptAt: now },
    };
    const line = buildChecklist(failed, now).find((item) => item.id === "subscription")!;
    expect(line.state).toBe("todo");
    expect(line.summary).toContain("en panne");
    expect(line.action).toMatchObject({ kind: "subscription", label: "Réessayer maintenant" });
    expect(states({ ...empty, subscription: { ...active, schoolYear: 2025 } }).subscription).toBe("warning");
    expect(states({ ...empty, subscriptionsManaged: false }).subscription).toBe("info");
  });

  it("lists the classes without an active campaign", () => {
    const line = buildChecklist({ ...empty, classes: ["6E A", "6E B"], classesWithActiveCampaign: ["6E A"] }, now)[4]!;
    expect(line.summary).toBe("1 classe n'a pas de campagne active : 6E B.");
    expect(line.action).toMatchObject({ label: "Créer les campagnes manquantes" });
  });

  it("puts the classes with newcomers first, and newcomers first inside a class", () => {
    const groups = groupPendingLearners([learner(1, "6E A"), learner(2, "6E B", true), learner(3, "6E B")]);
    expect(groups.map((group) => [group.division, group.newcomers.length, group.others.length])).toEqual([
      ["6E B", 1, 1],
      ["6E A", 0, 1],
    ]);
  });

  it("shows the rentrée banner from 1 September until a base of the new year is imported", () => {
    const june = new Date("2026-06-15T10:00:00Z");
    expect(shouldShowRentreeBanner(june, new Date("2026-08-31T12:00:00Z"))).toBe(false);
    expect(shouldShowRentreeBanner(june, new Date("2026-09-01T08:00:00Z"))).toBe(true);
    expect(shouldShowRentreeBanner(new Date("2026-09-03T08:00:00Z"), new Date("2026-09-04T08:00:00Z"))).toBe(false);
    expect(shouldShowRentreeBanner(null, new Date("2026-09-04T08:00:00Z"))).toBe(false);
  });
});
