import { describe, expect, it } from "vitest";

import { createMember, createSchool } from "../../../tests/factories/schools";
import { prisma } from "@/lib/db";
import { authorizedSchoolId } from "../../../tests/factories/session";

import { getLastSuccessfulImport, listImports } from "./data";

async function recordImport(
  schoolId: number,
  createdById: number | null,
  status: "IMPORTED" | "VALIDATION_ERROR",
  at: string,
  errors: object[] = [],
) {
  return prisma.siecleImport.create({
    data: {
      schoolId,
      createdById,
      fileName: `${status}.xml`,
      format: "XML",
      status,
      createdCount: 3,
      skippedCount: 1,
      divisions: ["6E A"],
      errors,
      createdAt: new Date(at),
    },
  });
}

describe("reading a school's imports", () => {
  it("gives the last successful import with its author, and the history newest first, for this school only", async () => {
    const school = await createSchool();
    const other = await createSchool();
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    await recordImport(school.id, admin.userId, "IMPORTED", "2026-09-01T08:00:00Z");
    const latest = await recordImport(school.id, null, "IMPORTED", "2026-09-10T08:00:00Z");
    await recordImport(school.id, admin.userId, "VALIDATION_ERROR", "2026-09-12T08:00:00Z", [
      { code: "EMPTY", message: "Le fichier est vide." },
    ]);
    await recordImport(other.id, null, "IMPORTED", "2026-09-20T08:00:00Z");

    const last = await getLastSuccessfulImport(await authorizedSchoolId(school.id));
    expect(last).toMatchObject({
      id: latest.id,
      authorName: null,
      status: "IMPORTED",
      created: 3,
      skipped: 1,
      divisions: ["6E A"],
      createdAt: "2026-09-10T08:00:00.000Z",
    });

    const history = await listImports(await authorizedSchoolId(school.id));
    expect(history.map((h) => [h.status, h.authorName, h.errorCount])).toEqual([
      ["VALIDATION_ERROR", `${admin.user.firstName} ${admin.user.lastName}`, 1],
      ["IMPORTED", null, 0],
      ["IMPORTED", `${admin.user.firstName} ${admin.user.lastName}`, 0],
    ]);
    expect(history[0]?.errors).toEqual([{ code: "EMPTY", message: "Le fichier est vide." }]);
  });

  it("has no last import for a school that never imported", async () => {
    const school = await createSchool();
    expect(await getLastSuccessfulImport(await authorizedSchoolId(school.id))).toBeNull();
    expect(await listImports(await authorizedSchoolId(school.id))).toEqual([]);
  });
});
