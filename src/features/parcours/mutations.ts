import "server-only";

import { createHash } from "node:crypto";

import { readContent } from "../../../content/load-content";
import { prisma, type DbClient, Prisma, withTransaction } from "@/lib/db";

import type { ChallengeSnapshot, Content } from "./types";

export type LoadContentSummary = {
  challengesCreated: number;
  challengesUpdated: number;
  challengesRemoved: number;
  parcoursWritten: number;
  parcoursArchived: number;
};

function challengeData(challenge: ChallengeSnapshot) {
  return {
    competenceId: challenge.competenceId,
    skill: challenge.skill,
    level: challenge.level,
    type: challenge.type,
    statement: challenge.statement,
    proposals: challenge.proposals,
    answerKey: challenge.answerKey,
    fieldAnswers: challenge.fieldAnswers ?? {},
    explanation: challenge.explanation,
    furtherReading: challenge.furtherReading ?? "",
    illustrationUrl: challenge.illustrationUrl,
    illustrationAlt: challenge.illustrationAlt,
  };
}

/** JSONB does not keep key order: compare with keys sorted. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

async function writeContent(tx: Prisma.TransactionClient, content: Content): Promise<LoadContentSummary> {
  // Two app instances booting together must not interleave their writes.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('pix:load-content'))`;

  const existing = new Map((await tx.challenge.findMany()).map((row) => [row.id, row]));
  const summary: LoadContentSummary = {
    challengesCreated: 0,
    challengesUpdated: 0,
    challengesRemoved: 0,
    parcoursWritten: 0,
    parcoursArchived: 0,
  };

  const toCreate = content.challenges.filter((challenge) => !existing.has(challenge.id));
  if (toCreate.length > 0) {
    await tx.challenge.createMany({
      data: toCreate.map((challenge) => ({ id: challenge.id, ...challengeData(challenge) })),
    });
    summary.challengesCreated = toCreate.length;
  }
  for (const challenge of content.challenges) {
    const row = existing.get(challenge.id);
    if (!row) continue;
    const data = challengeData(challenge);
    const { id: _id, updatedAt: _updatedAt, ...stored } = row;
    if (sameJson(stored, data)) continue;
    await tx.challenge.update({ where: { id: challenge.id }, data });
    summary.challengesUpdated += 1;
  }
  // Running campaigns keep their own snapshot: a question removed from the bank can go.
  const removed = await tx.challenge.deleteMany({
    where: { id: { notIn: content.challenges.map((challenge) => challenge.id) } },
  });
  summary.challengesRemoved = removed.count;

  const profiles = new Map(
    (
      await tx.targetProfile.findMany({
        include: { challenges: { orderBy: { position: "asc" }, select: { challengeId: true } } },
      })
    ).map((profile) => [profile.id, profile]),
  );
  for (const parcours of content.parcours) {
    const data = {
      name: parcours.name,
      description: parcours.description,
      durationMinutes: parcours.durationMinutes,
      competenceIds: parcours.competenceIds,
      targetLevels: parcours.targetLevels,
      isArchived: false,
    };
    const current = profiles.get(parcours.id);
    const sameProfile =
      current &&
      sameJson(
        {
          name: current.name,
          description: current.description,
          durationMinutes: current.durationMinutes,
          competenceIds: current.competenceIds,
          targetLevels: current.targetLevels,
          isArchived: current.isArchived,
        },
        data,
      );
    const sameChallenges =
      current &&
      sameJson(
        current.challenges.map((row) => row.challengeId),
        parcours.challengeIds,
      );
    if (sameProfile && sameChallenges) continue;

    await tx.targetProfile.upsert({ where: { id: parcours.id }, update: data, create: { id: parcours.id, ...data } });
    if (!sameChallenges) {
      await tx.targetProfileChallenge.deleteMany({ where: { targetProfileId: parcours.id } });
      await tx.targetProfileChallenge.createMany({
        data: parcours.challengeIds.map((challengeId, position) => ({
          targetProfileId: parcours.id,
          challengeId,
          position,
        })),
      });
    }
    summary.parcoursWritten += 1;
  }
  // Campaigns still point at a parcours dropped from the content: hide it from the picker only.
  const archived = await tx.targetProfile.updateMany({
    where: { id: { notIn: content.parcours.map((parcours) => parcours.id) }, isArchived: false },
    data: { isArchived: true },
  });
  summary.parcoursArchived = archived.count;
  return summary;
}

/** The content's version: sha256 (hex) of the validated content with its keys sorted. */
export function contentVersion(content: Content): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(content)))
    .digest("hex");
}

export type LoadContentResult = {
  /** LOADED: this load wrote something (a new version, or rows repaired); UNCHANGED: nothing written. */
  status: "LOADED" | "UNCHANGED";
  version: string;
  /** The version recorded before this load (null on a database never loaded). */
  previousVersion: string | null;
  /** When the version now in the tables was loaded. */
  loadedAt: Date;
  summary: LoadContentSummary;
};

const wroteSomething = (summary: LoadContentSummary) => Object.values(summary).some((count) => count > 0);

/**
 * Writes the repository's content (`content/`) to the database — questions, parcours and their
 * question lists — and records which version it is (`content_versions`). Idempotent, and cheap
 * when nothing changed (only differing rows are written; a version is recorded only when
 * something was written or the version differs), so `npm run cli -- content:load`, the seed and
 * every `npm start` can call it. Campaigns are never touched: they run on their snapshot.
 */
export async function loadContentVersion(
  db: DbClient = prisma,
  content: Content = readContent(),
): Promise<LoadContentResult> {
  const version = contentVersion(content);
  return withTransaction(
    db,
    async (tx) => {
      const summary = await writeContent(tx, content);
      // Read after writeContent's advisory lock: a concurrent load has committed its version.
      const previous = await tx.contentVersion.findFirst({
        orderBy: { id: "desc" },
        select: { hash: true, loadedAt: true },
      });
      if (previous?.hash === version && !wroteSomething(summary)) {
        return { status: "UNCHANGED", version, previousVersion: previous.hash, loadedAt: previous.loadedAt, summary };
      }
      const recorded = await tx.contentVersion.create({ data: { hash: version, summary }, select: { loadedAt: true } });
      return {
        status: "LOADED",
        version,
        previousVersion: previous?.hash ?? null,
        loadedAt: recorded.loadedAt,
        summary,
      };
    },
    { timeout: 30_000 },
  );
}

/** `loadContentVersion`, for callers that need only the counts written. */
export async function loadContent(
  db: DbClient = prisma,
  content: Content = readContent(),
): Promise<LoadContentSummary> {
  return (await loadContentVersion(db, content)).summary;
}
