import { describe, expect, it } from "vitest";

import { prisma } from "@/lib/db";
import { runHousekeeping } from "@/lib/housekeeping";
import { createSessionRecord, deleteUserSessions, findSessionByToken } from "@/lib/session-store";
import { releaseThrottleSlot, releaseThrottleSlots, takeThrottleSlot, takeThrottleSlots } from "@/lib/throttle";
import { hashToken } from "@/lib/tokens";

import { createStaffUser } from "../../tests/factories/schools";

describe("sessions in PostgreSQL", () => {
  it("stores only the token's hash and finds the session by the token", async () => {
    const user = await createStaffUser();
    const { token } = await createSessionRecord({ userId: user.id, kind: "STAFF" });
    const row = await prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.id).toBe(hashToken(token));
    expect(row.id).not.toContain(token);
    expect((await findSessionByToken(token))?.userId).toBe(user.id);
    expect(await findSessionByToken("forged-token")).toBeNull();
  });

  it("ignores expired sessions and signs a user out everywhere", async () => {
    const user = await createStaffUser();
    const { token } = await createSessionRecord({ userId: user.id, kind: "STAFF" });
    const second = await createSessionRecord({ userId: user.id, kind: "STAFF" });
    await prisma.session.update({ where: { id: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findSessionByToken(token)).toBeNull();
    await deleteUserSessions(user.id);
    expect(await findSessionByToken(second.token)).toBeNull();
  });
});

describe("throttle shared by every instance", () => {
  it("blocks after the limit within the window and says when to retry", async () => {
    const rule = { bucket: "test:abc", limit: 3, windowMs: 15 * 60 * 1000 };
    const start = new Date("2026-09-01T08:00:00Z");
    for (let i = 0; i < 3; i += 1) {
      expect((await takeThrottleSlot(rule, new Date(start.getTime() + i * 60_000))).ok).toBe(true);
    }
    const blocked = await takeThrottleSlot(rule, new Date(start.getTime() + 3 * 60_000));
    expect(blocked.ok).toBe(false);
    // The first event (08:00) leaves the window at 08:15, i.e. 12 minutes after 08:03.
    if (!blocked.ok) expect(blocked.retryAfterSeconds).toBe(12 * 60);
    expect(await prisma.throttleEvent.count({ where: { bucket: rule.bucket } })).toBe(3);
    expect((await takeThrottleSlot(rule, new Date(start.getTime() + 15 * 60_000 + 1))).ok).toBe(true);
    expect((await takeThrottleSlot({ ...rule, bucket: "test:other" }, start)).ok).toBe(true);
  });

  it("lets exactly `limit` of many parallel attempts through (check and record are one step)", async () => {
    const rule = { bucket: "test:parallel", limit: 5, windowMs: 15 * 60 * 1000 };
    const now = new Date();
    const slots = await Promise.all(Array.from({ length: 30 }, () => takeThrottleSlot(rule, now)));
    expect(slots.filter((slot) => slot.ok)).toHaveLength(5);
    expect(await prisma.throttleEvent.count({ where: { bucket: rule.bucket } })).toBe(5);
    // The one that took the last slot knows the bucket is now full, and until when.
    const last = slots.filter((slot) => slot.ok && slot.blockedUntil);
    expect(last).toHaveLength(1);
  });

  it("takes slots of several rules all or nothing, exactly `limit` of many parallel attempts, and gives them back at once", async () => {
    const tight = { bucket: "test:many-tight", limit: 3, windowMs: 15 * 60 * 1000 };
    const loose = { bucket: "test:many-loose", limit: 100, windowMs: 15 * 60 * 1000 };
    const now = new Date();
    const taken = await Promise.all(Array.from({ length: 20 }, () => takeThrottleSlots([loose, tight], now)));
    expect(taken.filter((result) => result.ok)).toHaveLength(3);
    // A refusal by one rule records nothing for the other.
    expect(await prisma.throttleEvent.count({ where: { bucket: loose.bucket } })).toBe(3);
    expect(await prisma.throttleEvent.count({ where: { bucket: tight.bucket } })).toBe(3);
    const refused = taken.find((result) => !result.ok);
    expect(refused).toMatchObject({ ok: false, refused: [{ index: 1, count: 3 }] });
    const full = taken.filter((result) => result.ok).flatMap((result) => (result.ok ? [result.slots[1]!] : []));
    expect(full.filter((slot) => slot.blockedUntil !== null)).toHaveLength(1);
    const first = taken.find((result) => result.ok);
    if (first?.ok) await releaseThrottleSlots(first.slots);
    expect(await prisma.throttleEvent.count({ where: { bucket: { in: [loose.bucket, tight.bucket] } } })).toBe(4);
  });

  it("at limit - 1, exactly one of 50 parallel attempts gets the last slot (one statement, no transaction)", async () => {
    const tight = { bucket: "test:boundary-identity", limit: 5, windowMs: 15 * 60 * 1000 };
    const loose = { bucket: "test:boundary-address", limit: 100, windowMs: 15 * 60 * 1000 };
    const now = new Date();
    for (let i = 0; i < tight.limit - 1; i += 1) expect((await takeThrottleSlots([tight, loose], now)).ok).toBe(true);
    const taken = await Promise.all(Array.from({ length: 50 }, () => takeThrottleSlots([tight, loose], now)));
    expect(taken.filter((result) => result.ok)).toHaveLength(1);
    expect(await prisma.throttleEvent.count({ where: { bucket: tight.bucket } })).toBe(tight.limit);
    expect(await prisma.throttleEvent.count({ where: { bucket: loose.bucket } })).toBe(tight.limit);
    const winner = taken.find((result) => result.ok);
    expect(winner?.ok && winner.slots[0]!.blockedUntil).toEqual(new Date(now.getTime() + tight.windowMs));
    for (const result of taken.filter((candidate) => !candidate.ok)) {
      expect(result).toMatchObject({ ok: false, refused: [{ index: 0, count: 5, retryAfterSeconds: 15 * 60 }] });
    }
  });

  it("counts nothing twice when the window has moved on: expired events free their slots", async () => {
    const rule = { bucket: "test:expiry", limit: 2, windowMs: 60_000 };
    const start = new Date("2026-09-01T08:00:00Z");
    await takeThrottleSlot(rule, start);
    await takeThrottleSlot(rule, new Date(start.getTime() + 30_000));
    const blocked = await takeThrottleSlot(rule, new Date(start.getTime() + 45_000));
    // The oldest event leaves the window 15 s later.
    expect(blocked).toMatchObject({ ok: false, retryAfterSeconds: 15 });
    expect((await takeThrottleSlot(rule, new Date(start.getTime() + 60_001))).ok).toBe(true);
    expect((await takeThrottleSlot(rule, new Date(start.getTime() + 60_002))).ok).toBe(false);
  });

  it("never asks to wait longer than the window, even when others recorded after the caller's clock", async () => {
    // A parallel caller reads its clock, then waits for the lock while others record later events.
    const rule = { bucket: "test:late-clock", limit: 2, windowMs: 15 * 60 * 1000 };
    const start = new Date("2026-09-01T08:00:00Z");
    await takeThrottleSlot(rule, new Date(start.getTime() + 500));
    await takeThrottleSlot(rule, new Date(start.getTime() + 900));
    const blocked = await takeThrottleSlot(rule, start);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.retryAfterSeconds).toBe(15 * 60);
  });

  it("gives a slot back when the attempt turns out not to count", async () => {
    const rule = { bucket: "test:release", limit: 1, windowMs: 60_000 };
    const slot = await takeThrottleSlot(rule);
    expect((await takeThrottleSlot(rule)).ok).toBe(false);
    await releaseThrottleSlot(slot);
    expect((await takeThrottleSlot(rule)).ok).toBe(true);
  });
});

describe("housekeeping", () => {
  it("prunes expired sessions and abandoned OpenID requests, and nothing else", async () => {
    const user = await createStaffUser();
    const live = await createSessionRecord({ userId: user.id, kind: "STAFF" });
    const old = await createSessionRecord({ userId: user.id, kind: "STAFF" });
    await prisma.session.update({ where: { id: hashToken(old.token) }, data: { expiresAt: new Date(Date.now() - 1) } });
    await prisma.garSignInRequest.create({
      data: { id: "r1", state: "s1", nonce: "n", codeVerifier: "v", expiresAt: new Date(Date.now() - 1) },
    });
    await prisma.garSignInRequest.create({
      data: { id: "r2", state: "s2", nonce: "n", codeVerifier: "v", expiresAt: new Date(Date.now() + 60_000) },
    });
    await prisma.garPendingIdentity.create({ data: { id: "p1", expiresAt: new Date(Date.now() - 1) } });
    await prisma.garPendingIdentity.create({
      data: { id: "p2", expiresAt: new Date(Date.now() + 60_000), consumedAt: new Date() },
    });
    const counts = await runHousekeeping();
    expect(counts).toMatchObject({ sessions: 1, garRequests: 1, garPendingIdentities: 1 });
    expect(await prisma.garPendingIdentity.findMany({ select: { id: true } })).toEqual([{ id: "p2" }]);
    expect(await findSessionByToken(live.token)).not.toBeNull();
    expect(await prisma.garSignInRequest.count()).toBe(1);
  });
});
