import "server-only";

import { prisma } from "@/lib/db";
import type { AuthorizedSchoolId } from "@/lib/session";

import type { ImportError, ImportSummary } from "./types";

const ERRORS_SHOWN_PER_IMPORT = 200;

const summarySelect = {
  id: true,
  createdAt: true,
  fileName: true,
  format: true,
  status: true,
  createdCount: true,
  updatedCount: true,
  disabledCount: true,
  skippedCount: true,
  divisions: true,
  errors: true,
  createdBy: { select: { firstName: true, lastName: true } },
} as const;

type SummaryRow = {
  id: number;
  createdAt: Date;
  fileName: string;
  format: string;
  status: ImportSummary["status"];
  createdCount: number;
  updatedCount: number;
  disabledCount: number;
  skippedCount: number;
  divisions: unknown;
  errors: unknown;
  createdBy: { firstName: string; lastName: string } | null;
};

function toSummary(row: SummaryRow): ImportSummary {
  const errors = Array.isArray(row.errors) ? (row.errors as ImportError[]) : [];
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    authorName: row.createdBy ? `${row.createdBy.firstName} ${row.createdBy.lastName}` : null,
    fileName: row.fileName,
    format: row.format,
    status: row.status,
    created: row.createdCount,
    updated: row.updatedCount,
    disabled: row.disabledCount,
    skipped: row.skippedCount,
    divisions: Array.isArray(row.divisions) ? (row.divisions as string[]) : [],
    errors: errors.slice(0, ERRORS_SHOWN_PER_IMPORT),
    errorCount: errors.length,
  };
}

/** The import the school's learner list currently comes from (the banner of the import page). */
export async function getLastSuccessfulImport(schoolId: AuthorizedSchoolId): Promise<ImportSummary | null> {
  const row = await prisma.siecleImport.findFirst({
    where: { schoolId, status: "IMPORTED" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: summarySelect,
  });
  return row ? toSummary(row) : null;
}

/** Every recorded import of the school, newest first. */
export async function listImports(schoolId: AuthorizedSchoolId, limit = 30): Promise<ImportSummary[]> {
  const rows = await prisma.siecleImport.findMany({
    where: { schoolId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: summarySelect,
  });
  return rows.map(toSummary);
}
