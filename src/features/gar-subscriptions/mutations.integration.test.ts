import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DOMParser } from "@xmldom/xmldom";

import { acceptInvitation } from "@/features/members/invitations/mutations";
import { prisma } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";

import { createInvitation, createSchool, createStaffUser } from "../../../tests/factories/schools";
import {
  startSubscriptionService,
  SubscriptionStore,
  type SubscriptionService,
} from "../../../tests/gar/subscription-service";
import { generateSubscriptionTestPki, type SubscriptionTestPki } from "../../../tests/gar/tls";
import { GAR_SUBSCRIPTION_NAMESPACE, buildSubscriptionXml } from "./domain/subscription-body";
import {
  ensureSchoolSubscription,
  reconcileSubscriptions,
  removeSchoolSubscription,
  retryDueSubscriptions,
  subscribeActivatedSchool,
  type SubscriptionDeps,
} from "./mutations";
import { createSubscriptionClient } from "./subscription-client";

const DISTRIBUTOR = "PIX-DISTRIB-TEST";
const RESOURCE = "ark:/99999/pix-demo";

let pki: SubscriptionTestPki;
let service: SubscriptionService;
let deps: SubscriptionDeps;

beforeAll(async () => {
  pki = await generateSubscriptionTestPki();
  service = await startSubscriptionService({
    pki,
    store: new SubscriptionStore(),
    distributorId: DISTRIBUTOR,
    resourceId: RESOURCE,
  });
  deps = {
    gar: createSubscriptionClient({
      baseUrl: service.url,
      cert: pki.client.cert,
      key: pki.client.key,
      ca: pki.ca.cert,
      timeoutMs: 5000,
    }),
    settings: { distributorId: DISTRIBUTOR, resourceId: RESOURCE, targetAudience: ["ELEVE"] },
  };
}, 60_000);

afterAll(async () => {
  await service.close();
});

beforeEach(() => {
  for (const subscription of service.store.list()) service.store.delete(subscription.idAbonnement);
  service.requests.length = 0;
});

const december2026 = new Date("2026-12-03T10:00:00Z");
const rentree2027 = new Date("2027-09-01T06:00:00Z");

async function calls(schoolId: number) {
  return prisma.garSubscriptionCall.findMany({ where: { schoolId }, orderBy: { id: "asc" } });
}

describe("the school's GAR subscription over mutual TLS", () => {
  it("is created when the school's first ADMIN accepts the activation, for the current school year", async () => {
    const school = await createSchool({ uai: "0999101A" });
    const user = await createStaffUser({ email: "ce.0999101a@ac-test.fr" });
    const token = await createInvitation({ schoolId: school.id, email: user.email!, role: "ADMIN" });
    const previous = { ...process.env };
    Object.assign(process.env, {
      GAR_WS_URL: service.url,
      GAR_WS_CERT: pki.client.cert,
      GAR_WS_KEY: pki.client.key,
      GAR_WS_CA: pki.ca.cert,
      GAR_DISTRIBUTOR_ID: DISTRIBUTOR,
      GAR_RESOURCE_ID: RESOURCE,
      GAR_WS_TARGET_AUDIENCE: "ELEVE,ENSEIGNANT",
    });
    resetEnvForTests();
    try {
      const accepted = await acceptInvitation({ token, userId: user.id });
      expect(accepted.activatedSchool).toBe(true);
      await subscribeActivatedSchool(accepted.schoolId, december2026);
    } finally {
      process.env = previous;
      resetEnvForTests();
    }
    const stored = service.store.get(`PIX-0999101A-${school.id}`);
    expect(stored).toMatchObject({
      uaiEtab: "0999101A",
      idDistributeurCom: DISTRIBUTOR,
      idRessource: RESOURCE,
      typeAffectation: "INDIV",
      nbLicenceGlobale: "ILLIMITE",
      publicCible: ["ELEVE", "ENSEIGNANT"],
      debutValidite: "2026-12-03T00:00:00",
      anneeFinValidite: 2027,
    });
    expect(service.store.hasActiveSubscription("0999101A", RESOURCE, december2026)).toBe(true);
    const row = await prisma.garSubscription.findUniqueOrThrow({ where: { schoolId: school.id } });
    expect(row).toMatchObject({ status: "ACTIVE", schoolYear: 2026, endYear: 2027, failures: 0 });
    expect(await calls(school.id)).toMatchObject([
      { operation: "PUT", succeeded: true, httpStatus: 201, errorCode: null, attempt: 1 },
    ]);
  });

  it("a second ADMIN is no activation: nothing is called", async () => {
    const school = await createSchool();
    const first = await createStaffUser();
    await prisma.member.create({ data: { schoolId: school.id, userId: first.id, role: "ADMIN" } });
    const second = await createStaffUser();
    const token = await createInvitation({ schoolId: school.id, email: second.email!, role: "ADMIN" });
    expect((await acceptInvitation({ token, userId: second.id })).activatedSchool).toBe(false);
  });

  it("is renewed at the rentrée (same idAbonnement, the new school year) and deleted at offboarding", async () => {
    const school = await createSchool({ uai: "0999102B" });
    await prisma.member.create({
      data: { schoolId: school.id, userId: (await createStaffUser()).id, role: "ADMIN" },
    });
    expect(await ensureSchoolSubscription(school.id, deps, december2026)).toEqual({
      outcome: "DONE",
      status: "ACTIVE",
    });
    // The same school year again: nothing to do, no call.
    expect(await ensureSchoolSubscription(school.id, deps, new Date("2027-06-30T10:00:00Z"))).toEqual({
      outcome: "UNCHANGED",
    });
    expect(service.requests).toHaveLength(1);

    // The rentrée: --sync renews every activated school's subscription for the new school year.
    const reports = await reconcileSubscriptions(deps, rentree2027);
    expect(reports).toEqual([{ schoolId: school.id, uai: "0999102B", action: "RENEW", outcome: "DONE" }]);
    const id = `PIX-0999102B-${school.id}`;
    expect(service.store.get(id)).toMatchObject({ debutValidite: "2027-09-01T00:00:00", anneeFinValidite: 2028 });
    expect(service.store.list()).toHaveLength(1);
    expect(await prisma.garSubscription.findUniqueOrThrow({ where: { schoolId: school.id } })).toMatchObject({
      schoolYear: 2027,
      endYear: 2028,
      status: "ACTIVE",
    });

    // Offboarding: the school is archived; the subscription goes.
    await prisma.school.update({ where: { id: school.id }, data: { archivedAt: new Date() } });
    expect(await reconcileSubscriptions(deps, rentree2027)).toEqual([
      { schoolId: school.id, uai: "0999102B", action: "DELETE", outcome: "DONE" },
    ]);
    expect(service.store.get(id)).toBeUndefined();
    expect((await calls(school.id)).map((call) => [call.operation, call.succeeded, call.httpStatus])).toEqual([
      ["PUT", true, 201],
      ["PUT", true, 200],
      ["DELETE", true, 204],
    ]);
    // Deleting again is a no-op.
    expect(await removeSchoolSubscription(school.id, deps, rentree2027)).toEqual({ outcome: "UNCHANGED" });
  });

  it("a 5xx is recorded, backed off, handed to the retry scheduler, then retried to success", async () => {
    const school = await createSchool({ uai: "0999103C" });
    const scheduled: { rowId: number; runAt: Date }[] = [];
    const withRetries: SubscriptionDeps = {
      ...deps,
      retries: { scheduleRetry: async (rowId, runAt) => void scheduled.push({ rowId, runAt }) },
    };
    service.failNext(1, 503);
    const outcome = await ensureSchoolSubscription(school.id, withRetries, december2026);
    expect(outcome).toMatchObject({ outcome: "FAILED", errorCode: "HTTP_5XX" });
    const row = await prisma.garSubscription.findUniqueOrThrow({ where: { schoolId: school.id } });
    expect(row).toMatchObject({ status: "FAILED", failures: 1, lastErrorCode: "HTTP_5XX" });
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(december2026.getTime() + 60_000);
    expect(scheduled).toEqual([{ rowId: row.id, runAt: row.nextAttemptAt }]);
    expect(service.store.list()).toHaveLength(0);

    // Not due yet: nothing runs.
    expect(await retryDueSubscriptions(withRetries, december2026)).toEqual([]);
    const later = new Date(december2026.getTime() + 2 * 60_000);
    expect(await retryDueSubscriptions(withRetries, later)).toEqual([
      { rowId: row.id, outcome: { outcome: "DONE", status: "ACTIVE" } },
    ]);
    expect(service.store.get(`PIX-0999103C-${school.id}`)).toBeDefined();
    expect(await calls(school.id)).toMatchObject([
      { operation: "PUT", succeeded: false, httpStatus: 503, errorCode: "HTTP_5XX", attempt: 1 },
      { operation: "PUT", succeeded: true, httpStatus: 201, errorCode: null, attempt: 2 },
    ]);
    expect(await prisma.garSubscription.findUniqueOrThrow({ where: { schoolId: school.id } })).toMatchObject({
      status: "ACTIVE",
      failures: 0,
      nextAttemptAt: null,
      lastErrorCode: null,
    });
  });

  it("a client certificate of another CA is refused at the TLS handshake: recorded as TLS, nothing reaches the service", async () => {
    const school = await createSchool({ uai: "0999104D" });
    const rogue: SubscriptionDeps = {
      ...deps,
      gar: createSubscriptionClient({
        baseUrl: service.url,
        cert: pki.rogueClient.cert,
        key: pki.rogueClient.key,
        ca: pki.ca.cert,
        timeoutMs: 5000,
      }),
    };
    expect(await ensureSchoolSubscription(school.id, rogue, december2026)).toMatchObject({
      outcome: "FAILED",
      errorCode: "TLS",
    });
    expect(service.requests).toEqual([]);
    expect(service.tlsRefusals()).toBeGreaterThan(0);
    expect(await calls(school.id)).toMatchObject([{ operation: "PUT", succeeded: false, errorCode: "TLS" }]);

    // No client certificate at all: refused the same way.
    const none = await new Promise<string>((resolve) => {
      import("node:https").then(({ request }) => {
        const req = request(`${service.url}/x`, { method: "GET", ca: pki.ca.cert }, () => resolve("answered"));
        req.on("error", () => resolve("refused"));
        req.end();
      });
    });
    expect(none).toBe("refused");
    expect(service.requests).toEqual([]);
  });

  it("parallel syncs of one subscription call the GAR once", async () => {
    const school = await createSchool({ uai: "0999105E" });
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => ensureSchoolSubscription(school.id, deps, december2026)),
    );
    expect(outcomes.every((outcome) => ["DONE", "BUSY", "UNCHANGED"].includes(outcome.outcome))).toBe(true);
    expect(service.requests.filter((request) => request.method === "PUT")).toHaveLength(1);
    expect(await calls(school.id)).toHaveLength(1);
  });
});

describe("the PUT body, field by field", () => {
  const body = {
    idAbonnement: "PIX-0999001W-1",
    idDistributeurCom: DISTRIBUTOR,
    idRessource: RESOURCE,
    typeIdRessource: "ark" as const,
    uaiEtab: "0999001W",
    typeAffectation: "INDIV" as const,
    nbLicenceGlobale: "ILLIMITE" as const,
    publicCible: ["ELEVE" as const, "DOCUMENTALISTE" as const],
    debutValidite: "2026-12-03",
    anneeFinValidite: 2027,
  };

  it("is in the web service's namespace, one element per field, in order", () => {
    const document = new DOMParser().parseFromString(buildSubscriptionXml(body), "text/xml");
    const root = document.documentElement!;
    expect(root.namespaceURI).toBe(GAR_SUBSCRIPTION_NAMESPACE);
    expect(root.localName).toBe("abonnement");
    const fields = Array.from(root.childNodes).map((node) => [
      (node as unknown as Element).localName,
      (node as unknown as Element).namespaceURI,
      node.textContent,
    ]);
    expect(fields).toEqual(
      [
        ["idAbonnement", "PIX-0999001W-1"],
        ["idDistributeurCom", DISTRIBUTOR],
        ["idRessource", RESOURCE],
        ["typeIdRessource", "ark"],
        ["uaiEtab", "0999001W"],
        ["typeAffectation", "INDIV"],
        ["nbLicenceGlobale", "ILLIMITE"],
        ["publicCible", "ELEVE"],
        ["publicCible", "DOCUMENTALISTE"],
        ["debutValidite", "2026-12-03T00:00:00"],
        ["anneeFinValidite", "2027"],
      ].map(([name, value]) => [name, GAR_SUBSCRIPTION_NAMESPACE, value]),
    );
  });

  it("the stand-in refuses a wrong field with a 400 naming it, and records nothing", async () => {
    const client = deps.gar;
    const wrong = async (override: Partial<typeof body>) => client.put({ ...body, ...override } as typeof body);
    expect(await wrong({ uaiEtab: "123" })).toMatchObject({ ok: false, errorCode: "HTTP_4XX", httpStatus: 400 });
    expect((await wrong({ uaiEtab: "123" })) as { detail: string }).toMatchObject({
      detail: expect.stringContaining("uaiEtab"),
    });
    expect(await wrong({ publicCible: ["PARENT" as never] })).toMatchObject({
      detail: expect.stringContaining("publicCible"),
    });
    expect(await wrong({ debutValidite: "2026-02-30" })).toMatchObject({
      detail: expect.stringContaining("debutValidite"),
    });
    expect(await wrong({ anneeFinValidite: 2020 })).toMatchObject({
      detail: expect.stringContaining("anneeFinValidite"),
    });
    expect(await wrong({ typeAffectation: "TOUS" as never })).toMatchObject({
      detail: expect.stringContaining("typeAffectation"),
    });
    expect(await wrong({ idDistributeurCom: "AUTRE" })).toMatchObject({ httpStatus: 403 });
    expect(service.store.list()).toHaveLength(0);
    // And the right one is kept, then read back.
    expect(await client.put(body)).toMatchObject({ ok: true, httpStatus: 201 });
    expect(await client.get(body.idAbonnement)).toMatchObject({
      ok: true,
      subscription: { idAbonnement: body.idAbonnement, uaiEtab: "0999001W", anneeFinValidite: 2027 },
    });
    expect(await client.get("PIX-INCONNU")).toEqual({ ok: true, httpStatus: 404, subscription: null });
  });
});

describe("retries through the job queue", () => {
  afterAll(async () => {
    const { stopJobs } = await import("@/lib/jobs");
    await stopJobs();
  });

  it("a 5xx enqueues the subscription's sync at the back-off's time; the job's run then succeeds", async () => {
    const { jobRetryScheduler, subscriptionSyncJob } = await import("./mutations");
    const { pgPool } = await import("@/lib/pg-pool");
    const school = await createSchool({ uai: "0999106F" });
    service.failNext(1, 502);
    const outcome = await ensureSchoolSubscription(school.id, { ...deps, retries: jobRetryScheduler }, december2026);
    expect(outcome).toMatchObject({ outcome: "FAILED", errorCode: "HTTP_5XX" });
    const row = await prisma.garSubscription.findUniqueOrThrow({ where: { schoolId: school.id } });
    const { rows } = await pgPool().query<{ data: { subscriptionRowId: number }; start_after: Date }>(
      "SELECT data, start_after FROM pgboss.job WHERE name = $1 AND data->>'subscriptionRowId' = $2",
      [subscriptionSyncJob.name, String(row.id)],
    );
    // At the back-off's time. (Not "exactly one row": the integration files share one database,
    // and the CLI test's `gar:subscriptions --sync` reconciles every school, this one included,
    // which may queue another attempt for the same row; two syncs of a row are leased and idempotent.)
    expect(rows.map((job) => job.start_after.getTime())).toContain(row.nextAttemptAt!.getTime());

    // What the worker runs at that time (deps from the environment, here the stand-in's).
    const previous = { ...process.env };
    Object.assign(process.env, {
      GAR_WS_URL: service.url,
      GAR_WS_CERT: pki.client.cert,
      GAR_WS_KEY: pki.client.key,
      GAR_WS_CA: pki.ca.cert,
      GAR_DISTRIBUTOR_ID: DISTRIBUTOR,
      GAR_RESOURCE_ID: RESOURCE,
    });
    resetEnvForTests();
    try {
      expect(await subscriptionSyncJob.run({ subscriptionRowId: row.id }, { jobId: "test", name: "x" })).toEqual({
        outcome: "DONE",
        status: "ACTIVE",
      });
    } finally {
      process.env = previous;
      resetEnvForTests();
    }
    expect((await calls(school.id)).map((call) => [call.httpStatus, call.succeeded])).toEqual([
      [502, false],
      [201, true],
    ]);
  });
});

describe("schools without the GAR", () => {
  it("an archived school, or one whose students do not come through the GAR, gets no subscription", async () => {
    const notGar = await createSchool({ uai: "0999107G", isGarEnabled: false });
    expect(await ensureSchoolSubscription(notGar.id, deps, december2026)).toEqual({ outcome: "UNCHANGED" });
    const archived = await createSchool({ uai: "0999108H" });
    await prisma.school.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    expect(await ensureSchoolSubscription(archived.id, deps, december2026)).toEqual({ outcome: "UNCHANGED" });
    expect(await prisma.garSubscription.count()).toBe(0);
    expect(service.requests).toEqual([]);
  });
});
