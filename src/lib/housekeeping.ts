import "server-only";

import { prisma } from "@/lib/db";
import { pruneExpiredSessions } from "@/lib/session-store";
import { pruneThrottleEvents } from "@/lib/throttle";

/**
 * Deletes rows that have outlived their purpose: sessions past their absolute or idle limit, old
 * throttle events, finished pupil lockouts, OpenID requests and pending identities that were
 * consumed or abandoned, SIECLE imports staged and never confirmed. Idempotent. Run by the
 * `housekeeping.technical` job (src/jobs.ts) every 10 minutes, in one instance.
 */
export async function runHousekeeping(now = new Date()): Promise<{
  sessions: number;
  throttleEvents: number;
  garRequests: number;
  garPendingIdentities: number;
  garSamlRows: number;
  studentLockouts: number;
  unknownSignIns: number;
  stagedImports: number;
}> {
  const sessions = await pruneExpiredSessions(now);
  const throttleEvents = await pruneThrottleEvents();
  const { count: garRequests } = await prisma.garSignInRequest.deleteMany({ where: { expiresAt: { lt: now } } });
  // A pending identity past its hour can be neither used nor replayed: its row may go.
  const { count: garPendingIdentities } = await prisma.garPendingIdentity.deleteMany({
    where: { expiresAt: { lt: now } },
  });
  // A SAML request past its 10 minutes, an assertion id past its NotOnOrAfter (plus skew): a
  // replay of it is refused by its own validity window, so the replay row may go.
  const { count: samlRequests } = await prisma.garSamlRequest.deleteMany({ where: { expiresAt: { lt: now } } });
  const { count: samlAssertions } = await prisma.garSamlAssertion.deleteMany({ where: { expiresAt: { lt: now } } });
  const garSamlRows = samlRequests + samlAssertions;
  // A pupil's lockout row (GAR names) is useless a day after the block ends.
  const { count: studentLockouts } = await prisma.studentLockout.deleteMany({
    where: { blockedUntil: { lt: new Date(now.getTime() - DAY_MS) } },
  });
  // Sign-in counters of e-mails without an account, idle for 30 days and not locked (a lock
  // "until an ADMIN unblocks" stays, as it does on a real account).
  const { count: unknownSignIns } = await prisma.unknownAccountSignIn.deleteMany({
    where: {
      updatedAt: { lt: new Date(now.getTime() - 30 * DAY_MS) },
      OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }],
    },
  });
  // A SIECLE import staged for confirmation and not confirmed within its hour (its learners go by cascade).
  const { count: stagedImports } = await prisma.siecleImportStaging.deleteMany({ where: { expiresAt: { lt: now } } });
  return {
    sessions,
    throttleEvents,
    garRequests,
    garPendingIdentities,
    garSamlRows,
    studentLockouts,
    unknownSignIns,
    stagedImports,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
