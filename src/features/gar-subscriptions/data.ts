import "server-only";

import { prisma } from "@/lib/db";
import type { AuthorizedSchoolId } from "@/lib/session";

import type { SchoolSubscriptionView } from "./types";

const VIEW_SELECT = {
  subscriptionId: true,
  uai: true,
  schoolYear: true,
  startsOn: true,
  endYear: true,
  targetAudience: true,
  desiredPresent: true,
  status: true,
  lastErrorCode: true,
  lastCallAt: true,
  nextAttemptAt: true,
  failures: true,
} as const;

function toView(row: {
  subscriptionId: string;
  uai: string;
  schoolYear: number;
  startsOn: Date;
  endYear: number;
  targetAudience: string[];
  desiredPresent: boolean;
  status: SchoolSubscriptionView["status"];
  lastErrorCode: string | null;
  lastCallAt: Date | null;
  nextAttemptAt: Date | null;
  failures: number;
}): SchoolSubscriptionView {
  return { ...row, startsOn: row.startsOn.toISOString().slice(0, 10) };
}

/** The school's subscription as last recorded (null: none was ever asked for). */
export async function getSchoolSubscription(schoolId: AuthorizedSchoolId): Promise<SchoolSubscriptionView | null> {
  const row = await prisma.garSubscription.findUnique({ where: { schoolId }, select: VIEW_SELECT });
  return row ? toView(row) : null;
}

/**
 * Operators only (`gar:subscriptions`, no session: every school, or one UAI): each school that has
 * an ADMIN or a subscription, with the subscription's state and its last call.
 */
export async function listSubscriptionStatesForOperator(filter: { uai?: string } = {}) {
  const schools = await prisma.school.findMany({
    where: {
      ...(filter.uai ? { uai: filter.uai } : {}),
      OR: [{ members: { some: { role: "ADMIN" } } }, { garSubscription: { isNot: null } }],
    },
    select: {
      id: true,
      uai: true,
      name: true,
      archivedAt: true,
      garSubscription: {
        select: {
          ...VIEW_SELECT,
          calls: {
            orderBy: { id: "desc" },
            take: 1,
            select: { operation: true, succeeded: true, httpStatus: true, errorCode: true, startedAt: true },
          },
        },
      },
    },
    orderBy: { id: "asc" },
  });
  return schools.map((school) => {
    const row = school.garSubscription;
    return {
      schoolId: school.id,
      uai: school.uai,
      name: school.name,
      archived: school.archivedAt !== null,
      subscription: row ? { ...toView(row), lastCall: row.calls[0] ?? null } : null,
    };
  });
}
