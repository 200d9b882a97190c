import type { CampaignSnapshot } from "../../src/features/parcours/types";
import { prisma } from "../../src/lib/db";

let sequence = 0;

/** A small but valid snapshot for tests that do not care about the content itself. */
export function testSnapshot(targetProfileId = "tp-test"): CampaignSnapshot {
  return {
    targetProfileId,
    competences: [
      { id: "1.1", name: "Mener une recherche et une veille d'information", areaCode: "1" },
      { id: "4.1", name: "Sécuriser l'environnement numérique", areaCode: "4" },
    ],
    challenges: [
      {
        id: "ch-test-1",
        competenceId: "1.1",
        skill: "@rechercheMotsCles3",
        level: 3,
        type: "QCU",
        statement: "Question 1 ?",
        proposals: [
          { id: "a", label: "Oui" },
          { id: "b", label: "Non" },
        ],
        answerKey: ["a"],
        explanation: "Parce que.",
        illustrationUrl: null,
        illustrationAlt: null,
      },
      {
        id: "ch-test-2",
        competenceId: "4.1",
        skill: "@motDePasse3",
        level: 3,
        type: "QROC",
        statement: "Tapez « bonjour ».",
        proposals: [],
        answerKey: ["bonjour"],
        explanation: "C'était écrit.",
        illustrationUrl: null,
        illustrationAlt: null,
      },
      {
        id: "ch-test-3",
        competenceId: "4.1",
        skill: "@motDePasse4",
        level: 4,
        type: "QCM",
        statement: "Cochez a et c.",
        proposals: [
          { id: "a", label: "A" },
          { id: "b", label: "B" },
          { id: "c", label: "C" },
        ],
        answerKey: ["a", "c"],
        explanation: "a et c.",
        illustrationUrl: null,
        illustrationAlt: null,
      },
    ],
  };
}

export async function ensureTestTargetProfile(id = "tp-test") {
  return prisma.targetProfile.upsert({
    where: { id },
    update: {},
    create: {
      id,
      name: "Parcours de test",
      description: "Un parcours pour les tests.",
      durationMinutes: 10,
      competenceIds: ["1.1", "4.1"],
    },
  });
}

const CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ";

export async function createCampaign(options: {
  schoolId: number;
  ownerId: number;
  creatorId?: number;
  division?: string | null;
  name?: string;
  code?: string;
  archived?: boolean;
  targetProfileId?: string;
  snapshot?: CampaignSnapshot;
  title?: string | null;
  customLandingText?: string | null;
}) {
  const n = ++sequence;
  const targetProfileId = options.targetProfileId ?? "tp-test";
  if (!options.targetProfileId) await ensureTestTargetProfile(targetProfileId);
  const letters = Array.from({ length: 6 }, (_, i) => CODE_LETTERS[(n * 7 + i * 3) % CODE_LETTERS.length]).join("");
  return prisma.campaign.create({
    data: {
      schoolId: options.schoolId,
      name: options.name ?? `Campagne ${n}`,
      code: options.code ?? `${letters}${String(200 + (n % 700)).replace(/[01]/g, "2")}`,
      targetProfileId,
      division: options.division === undefined ? "6E A" : options.division,
      ownerId: options.ownerId,
      creatorId: options.creatorId ?? options.ownerId,
      challengeSnapshot: options.snapshot ?? testSnapshot(targetProfileId),
      archivedAt: options.archived ? new Date() : null,
      title: options.title ?? null,
      customLandingText: options.customLandingText ?? null,
    },
  });
}
