import { describe, expect, it } from "vitest";

import { prisma } from "@/lib/db";
import { runHousekeeping } from "@/lib/housekeeping";
import { createSessionRecord, findSessionByToken, pruneExpiredSessions } from "@/lib/session-store";
import { hashToken } from "@/lib/tokens";

import { createGarStudentUser } from "../../tests/factories/learners";
import { createStaffUser } from "../../tests/factories/schools";

/** A fake clock: every lookup and write below is given its own `now`. */
const T0 = new Date("2026-09-07T08:00:00Z");
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const at = (ms: number) => new Date(T0.getTime() + ms);

async function lastSeen(token: string): Promise<Date> {
  return (await prisma.session.findUniqueOrThrow({ where: { id: hashToken(token) } })).lastSeenAt;
}

async function staffSession() {
  const user = await createStaffUser();
  return createSessionRecord({ userId: user.id, kind: "STAFF", now: T0 });
}

async function studentSession() {
  const user = await createGarStudentUser({ garId: `ido-${Math.random().toString(36).slice(2)}` });
  return createSessionRecord({ userId: user.id, kind: "STUDENT", now: T0 });
}

describe("staff sessions: 30 min idle (sliding), 12 h absolute", () => {
  it("an unused session lives until 30 min and dies just after", async () => {
    const { token } = await staffSession();
    expect(await findSessionByToken(token, at(30 * MINUTE - SECOND))).not.toBeNull();
    const other = await staffSession();
    expect(await findSessionByToken(other.token, at(30 * MINUTE + SECOND))).toBeNull();
  });

  it("a session used every 20 min outlives the idle limit but dies at 12 h", async () => {
    const { token, expiresAt } = await staffSession();
    expect(expiresAt).toEqual(at(12 * HOUR));
    let t = 0;
    for (; t + 20 * MINUTE < 12 * HOUR; t += 20 * MINUTE) {
      expect(
        await findSessionByToken(token, at(t + 20 * MINUTE)),
        `at ${(t + 20 * MINUTE) / MINUTE} min`,
      ).not.toBeNull();
    }
    // Last use at 11 h 40; 12 h is reached before the idle limit and is not pushed back.
    expect(await findSessionByToken(token, at(12 * HOUR - SECOND))).not.toBeNull();
    expect(await findSessionByToken(token, at(12 * HOUR))).toBeNull();
    expect(await findSessionByToken(token, at(12 * HOUR + MINUTE))).toBeNull();
  });

  it("idles out 30 min after the last use, not after the sign-in", async () => {
    const { token } = await staffSession();
    expect(await findSessionByToken(token, at(25 * MINUTE))).not.toBeNull();
    expect(await findSessionByToken(token, at(25 * MINUTE + 30 * MINUTE - SECOND))).not.toBeNull();
    expect(await findSessionByToken(token, at(25 * MINUTE + 30 * MINUTE - SECOND + 30 * MINUTE + SECOND))).toBeNull();
  });

  it("an idle session is not revived by a later lookup", async () => {
    const { token } = await staffSession();
    expect(await findSessionByToken(token, at(31 * MINUTE))).toBeNull();
    expect(await lastSeen(token)).toEqual(T0);
  });
});

describe("student sessions: 2 h idle (sliding), 8 h absolute", () => {
  it("an unused session lives until 2 h and dies just after", async () => {
    const { token } = await studentSession();
    expect(await findSessionByToken(token, at(2 * HOUR - SECOND))).not.toBeNull();
    const other = await studentSession();
    expect(await findSessionByToken(other.token, at(2 * HOUR + SECOND))).toBeNull();
  });

  it("outlives 30 min of idleness (that is the staff limit)", async () => {
    const { token } = await studentSession();
    expect(await findSessionByToken(token, at(90 * MINUTE))).not.toBeNull();
  });

  it("a session used every 90 min outlives the idle limit but dies at 8 h", async () => {
    const { token, expiresAt } = await studentSession();
    expect(expiresAt).toEqual(at(8 * HOUR));
    for (let t = 90 * MINUTE; t < 8 * HOUR; t += 90 * MINUTE) {
      expect(await findSessionByToken(token, at(t)), `at ${t / MINUTE} min`).not.toBeNull();
    }
    expect(await findSessionByToken(token, at(8 * HOUR - SECOND))).not.toBeNull();
    expect(await findSessionByToken(token, at(8 * HOUR))).toBeNull();
  });
});

describe("the sliding write", () => {
  it("is written at most once a minute", async () => {
    const { token } = await staffSession();
    await findSessionByToken(token, at(30 * SECOND));
    expect(await lastSeen(token)).toEqual(T0);
    await findSessionByToken(token, at(59 * SECOND));
    expect(await lastSeen(token)).toEqual(T0);
    await findSessionByToken(token, at(MINUTE));
    expect(await lastSeen(token)).toEqual(at(MINUTE));
    await findSessionByToken(token, at(MINUTE + 45 * SECOND));
    expect(await lastSeen(token)).toEqual(at(MINUTE));
    await findSessionByToken(token, at(2 * MINUTE + 10 * SECOND));
    expect(await lastSeen(token)).toEqual(at(2 * MINUTE + 10 * SECOND));
  });

  it("parallel lookups all see the session and leave one consistent last use", async () => {
    const { token } = await staffSession();
    const times = Array.from({ length: 12 }, (_, i) => at(20 * MINUTE + i * SECOND));
    const found = await Promise.all(times.map((now) => findSessionByToken(token, now)));
    expect(found.every((session) => session !== null)).toBe(true);
    const seen = await lastSeen(token);
    // One of the lookups won the conditional UPDATE; the others matched no row (less than a
    // minute after it) or wrote a time within the same burst.
    expect(seen.getTime()).toBeGreaterThanOrEqual(times[0]!.getTime());
    expect(seen.getTime()).toBeLessThanOrEqual(times.at(-1)!.getTime());
    // The burst counts as a use: alive 29 min after it, dead 31 min after.
    expect(await findSessionByToken(token, at(20 * MINUTE + 29 * MINUTE))).not.toBeNull();
    expect(await findSessionByToken(token, at(20 * MINUTE + 29 * MINUTE + 31 * MINUTE))).toBeNull();
  });

  it("parallel lookups of many sessions do not interfere", async () => {
    const sessions = await Promise.all(Array.from({ length: 8 }, () => staffSession()));
    const found = await Promise.all(
      sessions.flatMap(({ token }) => [
        findSessionByToken(token, at(10 * MINUTE)),
        findSessionByToken(token, at(10 * MINUTE + SECOND)),
      ]),
    );
    expect(found.filter(Boolean)).toHaveLength(16);
    for (const { token } of sessions) {
      expect([at(10 * MINUTE).getTime(), at(10 * MINUTE + SECOND).getTime()]).toContain(
        (await lastSeen(token)).getTime(),
      );
    }
  });
});

describe("pruning", () => {
  it("deletes sessions past their idle or absolute limit, for each kind, and keeps the live ones", async () => {
    const idleStaff = await staffSession();
    const activeStaff = await staffSession();
    const idleStudent = await studentSession();
    const quietStudent = await studentSession();
    await findSessionByToken(activeStaff.token, at(20 * MINUTE));
    await findSessionByToken(quietStudent.token, at(20 * MINUTE));

    expect(await pruneExpiredSessions(at(40 * MINUTE))).toBe(1);
    expect(await findSessionByToken(idleStaff.token, at(40 * MINUTE))).toBeNull();
    expect(await prisma.session.count({ where: { id: hashToken(idleStaff.token) } })).toBe(0);

    // 45 min idle is fine for a student; 2 h 1 min is not.
    expect(await pruneExpiredSessions(at(2 * HOUR + MINUTE))).toBe(2);
    expect(await prisma.session.count({ where: { id: hashToken(idleStudent.token) } })).toBe(0);
    expect(await prisma.session.count({ where: { id: hashToken(quietStudent.token) } })).toBe(1);

    // Used every hour, the student session still ends at 8 h.
    for (let t = 2 * HOUR; t < 8 * HOUR; t += HOUR)
      expect(await findSessionByToken(quietStudent.token, at(t))).not.toBeNull();
    expect(await runHousekeeping(at(8 * HOUR - MINUTE))).toMatchObject({ sessions: 0 });
    expect(await runHousekeeping(at(8 * HOUR))).toMatchObject({ sessions: 1 });
    expect(await prisma.session.count()).toBe(0);
  });
});
