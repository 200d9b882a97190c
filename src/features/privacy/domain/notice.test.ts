import { describe, expect, it } from "vitest";

import { privacyMessages } from "@/messages/fr/privacy";

import { INVENTORY } from "../inventory";
import { buildNoticeSections } from "./notice";

describe("the privacy notice, from the inventory", () => {
  const sections = buildNoticeSections(INVENTORY);

  it("speaks of the pupil first, and lists every table about a person", () => {
    expect(sections[0]?.about).toBe("learner");
    const listed = sections.flatMap((section) => section.entries.map((entry) => entry.table));
    for (const entry of INVENTORY) {
      if (entry.about === "learner" || entry.about === "student-account" || entry.about === "staff")
        expect(listed, entry.table).toContain(entry.table);
    }
    expect(listed).toContain("siecle_imports");
    expect(listed).not.toContain("challenges");
  });

  it("has French words for every table it lists and a retention sentence for every rule", () => {
    for (const entry of sections.flatMap((section) => section.entries)) {
      const words = privacyMessages.notice.tables[entry.table];
      expect(words?.what, entry.table).toBeTruthy();
      expect(words?.why, entry.table).toBeTruthy();
      expect(privacyMessages.notice.retention(entry.retention)).toMatch(/\S/);
    }
    expect(privacyMessages.notice.retention({ from: "last-sign-in", months: 12, source: "" })).toBe(
      "12 mois après la dernière connexion",
    );
    expect(privacyMessages.notice.retention({ from: "created", months: 0, days: 1, source: "" })).toBe(
      "1 jour après leur création",
    );
  });
});
