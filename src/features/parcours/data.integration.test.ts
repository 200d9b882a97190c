import { describe, expect, it } from "vitest";

import { readContent } from "../../../content/load-content";
import { prisma } from "@/lib/db";
import { isDomainError } from "@/lib/errors";

import { buildCampaignSnapshot, listTargetProfiles } from "./data";
import { loadContent } from "./mutations";
import type { Content } from "./types";

const sixthCount = () => readContent().parcours.find((parcours) => parcours.id === "rentree-6e")!.challengeIds.length;

function editedContent(): Content {
  const content = structuredClone(readContent());
  const first = content.challenges.find((challenge) => challenge.id === "1.1-barre-adresse")!;
  first.statement = "Énoncé réécrit par l'équipe pédagogique.";
  content.parcours = content.parcours.filter((parcours) => parcours.id !== "rentree-seconde");
  const sixth = content.parcours.find((parcours) => parcours.id === "rentree-6e")!;
  sixth.challengeIds = sixth.challengeIds.filter((id) => id !== "5.2-installer-application");
  return content;
}

describe("loadContent", () => {
  it("writes every question and parcours, then changes nothing when run again", async () => {
    const content = readContent();
    const first = await loadContent(prisma);
    expect(first).toMatchObject({
      challengesCreated: content.challenges.length,
      parcoursWritten: content.parcours.length,
    });
    expect(await prisma.challenge.count()).toBe(content.challenges.length);
    expect(await prisma.targetProfileChallenge.count({ where: { targetProfileId: "rentree-6e" } })).toBe(sixthCount());

    const again = await loadContent(prisma);
    expect(again).toEqual({
      challengesCreated: 0,
      challengesUpdated: 0,
      challengesRemoved: 0,
      parcoursWritten: 0,
      parcoursArchived: 0,
    });
  });

  it("applies content edits: changed questions, shortened parcours, dropped parcours archived", async () => {
    await loadContent(prisma);
    const summary = await loadContent(prisma, editedContent());
    expect(summary).toMatchObject({ challengesUpdated: 1, parcoursArchived: 1 });
    expect((await prisma.challenge.findUniqueOrThrow({ where: { id: "1.1-barre-adresse" } })).statement).toBe(
      "Énoncé réécrit par l'équipe pédagogique.",
    );
    expect(await prisma.targetProfileChallenge.count({ where: { targetProfileId: "rentree-6e" } })).toBe(
      sixthCount() - 1,
    );
    expect((await prisma.targetProfile.findUniqueOrThrow({ where: { id: "rentree-seconde" } })).isArchived).toBe(true);
    // Back to the repository's content: the dropped parcours comes back.
    await loadContent(prisma);
    expect((await prisma.targetProfile.findUniqueOrThrow({ where: { id: "rentree-seconde" } })).isArchived).toBe(false);
  });
});

describe("listTargetProfiles", () => {
  it("lists active parcours in content order with their competences and duration", async () => {
    await loadContent(prisma);
    await loadContent(prisma, editedContent());
    const profiles = await listTargetProfiles();
    expect(profiles.map((profile) => profile.id)).toEqual([
      "rentree-6e",
      "cycle-4-cultures-numeriques",
      "certification-3e",
      "certification-terminale",
      "positionnement-16-competences",
    ]);
    expect(profiles[0]).toMatchObject({
      name: "Rentrée en 6e",
      durationMinutes: 20,
      challengeCount: sixthCount() - 1,
      targetLevels: { "1.1": 2, "2.1": 2, "3.1": 2, "4.1": 2, "4.2": 2, "5.2": 2 },
    });
    expect(profiles[0]?.competences.map((competence) => competence.id)).toEqual([
      "1.1",
      "2.1",
      "3.1",
      "4.1",
      "4.2",
      "5.2",
    ]);
    expect(profiles[0]?.competences[0]?.name).toBe("Mener une recherche et une veille d'information");
  });
});

describe("buildCampaignSnapshot", () => {
  it("freezes the parcours' questions in order, with everything the runner needs", async () => {
    await loadContent(prisma);
    const snapshot = await buildCampaignSnapshot(prisma, "rentree-seconde");
    expect(snapshot.targetProfileId).toBe("rentree-seconde");
    const parcours = readContent().parcours.find((item) => item.id === "rentree-seconde")!;
    expect(snapshot.competences.map((competence) => competence.id)).toEqual(parcours.competenceIds);
    expect(snapshot.challenges.map((challenge) => challenge.id)).toEqual(parcours.challengeIds);
    const bank = new Map(readContent().challenges.map((challenge) => [challenge.id, challenge]));
    for (const challenge of snapshot.challenges) expect(challenge).toEqual(bank.get(challenge.id));
  });

  it("refuses an unknown or archived parcours", async () => {
    await loadContent(prisma, editedContent());
    for (const id of ["inconnu", "rentree-seconde"]) {
      const error = await buildCampaignSnapshot(prisma, id).catch((caught: unknown) => caught);
      expect(isDomainError(error) && error.code).toBe("NOT_FOUND");
    }
  });
});
